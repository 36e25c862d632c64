// Finds every internal link, image, script and stylesheet of a built site by following links
// from its root, and reports the ones that do not resolve.
import { DOMParser } from '@xmldom/xmldom';

export interface CrawlResult {
  pages: string[];
  checked: number;
  broken: Array<{ url: string; status: number; from: string }>;
}

const ATTRIBUTES: Array<[string, string]> = [
  ['a', 'href'],
  ['link', 'href'],
  ['img', 'src'],
  ['script', 'src'],
  ['source', 'src'],
];

function referencesIn(html: string): string[] {
  const document = new DOMParser({ onError: () => {} }).parseFromString(html, 'text/html');
  const found: string[] = [];
  for (const [tag, attribute] of ATTRIBUTES) {
    const elements = document.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i++) {
      const value = elements.item(i)?.getAttribute(attribute);
      if (value) found.push(value);
    }
  }
  return found;
}

export async function crawl(root: string): Promise<CrawlResult> {
  const origin = new URL(root).origin;
  const seen = new Map<string, string>([[root, root]]);
  const queue = [root];
  const pages: string[] = [];
  const broken: CrawlResult['broken'] = [];
  while (queue.length > 0) {
    const batch = queue.splice(0, 16);
    await Promise.all(
      batch.map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) {
          broken.push({ url, status: response.status, from: seen.get(url) ?? '' });
          return;
        }
        if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) {
          await response.arrayBuffer();
          return;
        }
        pages.push(url);
        for (const reference of referencesIn(await response.text())) {
          const target = new URL(reference, url);
          if (target.origin !== origin) continue;
          target.hash = '';
          const key = target.href;
          if (!seen.has(key)) {
            seen.set(key, url);
            queue.push(key);
          }
        }
      }),
    );
  }
  return { pages, checked: seen.size, broken };
}
