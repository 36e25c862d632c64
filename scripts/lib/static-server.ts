// A tiny static file server for the built site, as GitHub Pages serves it: `dir/` → `dir/index.html`,
// `404.html` for anything missing, and everything under the base path only.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsl': 'text/xsl',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

export interface StaticSite {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  /** The site's root URL, base included: `http://127.0.0.1:PORT/small-wins/`. */
  root: string;
  close(): Promise<void>;
}

async function fileFor(dir: string, pathname: string): Promise<string | null> {
  const target = normalize(join(dir, decodeURIComponent(pathname)));
  if (target !== dir && !target.startsWith(dir + sep)) return null;
  const info = await stat(target).catch(() => null);
  if (info?.isFile()) return target;
  if (info?.isDirectory()) {
    // Like GitHub Pages, a directory without its slash is not the page.
    if (!pathname.endsWith('/')) return null;
    const index = join(target, 'index.html');
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return null;
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticSite> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server: Server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = pathname.startsWith(prefix) ? await fileFor(dir, `/${pathname.slice(prefix.length)}`) : null;
    const status = file ? 200 : 404;
    const body = file ?? (await fileFor(dir, '/404.html'));
    response.writeHead(status, { 'content-type': TYPES[extname(body ?? '.txt')] ?? 'application/octet-stream' });
    if (body) createReadStream(body).pipe(response);
    else response.end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: `${origin}${prefix}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
