// The share box's buttons: the Web Share API where the browser has it, and copy link.

export function enhanceShare(root: ParentNode): void {
  for (const box of root.querySelectorAll<HTMLElement>('[data-share]')) {
    const url = box.dataset.url ?? location.href;
    const text = box.dataset.text ?? document.title;
    const share = box.querySelector<HTMLButtonElement>('[data-web-share]');
    const copy = box.querySelector<HTMLButtonElement>('[data-copy-link]');
    const status = box.querySelector<HTMLElement>('[data-copy-status]');
    if (share && typeof navigator.share === 'function') {
      share.hidden = false;
      share.addEventListener('click', () => {
        navigator.share({ title: text, text, url }).catch(() => {
          // Closing the share sheet rejects: nothing to report.
        });
      });
    }
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(url);
          if (status) status.textContent = 'Link copied';
        } catch {
          if (status) status.textContent = `Copy this link: ${url}`;
        }
      });
    }
  }
}
