// Share links for the common networks: plain URLs, no third-party scripts.

export interface ShareLink {
  network: string;
  href: string;
}

export function shareLinks(url: string, text: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(text);
  const both = encodeURIComponent(`${text} ${url}`);
  return [
    { network: 'X', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { network: 'Bluesky', href: `https://bsky.app/intent/compose?text=${both}` },
    // Mastodon has no central server: the share page asks for the reader's instance.
    { network: 'Mastodon', href: `https://mastodonshare.com/?text=${t}&url=${u}` },
    { network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { network: 'WhatsApp', href: `https://wa.me/?text=${both}` },
  ];
}
