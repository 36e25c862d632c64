import type { APIContext } from 'astro';
import { absoluteUrl, fileWithBase } from '../utils/base.ts';

export function GET(context: APIContext): Response {
  const sitemap = absoluteUrl(fileWithBase('sitemap-index.xml'), context.site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
