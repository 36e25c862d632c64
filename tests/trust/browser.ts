// A built site in a real browser: served by a tiny static server with a Content-Security-Policy,
// opened in headless Chromium (playwright-core, no download: the system's Chromium).
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/lib/browser.ts';

/** Inline scripts stay allowed, so an injected one would run: the dialog check is what must catch it. */
export const CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain',
};

/** Serves `dir` on 127.0.0.1 (a free port) with the CSP on every response. */
export async function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-security-policy': CSP }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}


/** Chromium with a fresh profile folder (removed by `close`). */
export async function openBrowser(): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'small-wins-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageReport {
  url: string;
  dialogs: string[];
  cspViolations: string[];
  /** Elements carrying an event-handler attribute (onerror, onload, ...). */
  handlers: string[];
  /** Inline scripts whose text calls alert: an injected script element. */
  injectedScripts: string[];
  /** `script[type=application/json]` blocks: whether each parses, and whether its raw text holds `<`. */
  jsonBlocks: Array<{ parses: boolean; rawLessThan: boolean }>;
  text: string;
}

/** Opens one URL and reports what ran and what the page holds. */
export async function inspectPage(context: BrowserContext, url: string): Promise<PageReport> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(50);
  const found = await page.evaluate(() => {
    const handlers: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (attribute.toLowerCase().startsWith('on')) handlers.push(`<${element.tagName.toLowerCase()} ${attribute}>`);
      }
    }
    const scripts = [...document.querySelectorAll('script:not([src])')] as HTMLScriptElement[];
    const injectedScripts = scripts.filter((s) => s.type !== 'application/json' && /alert\(/.test(s.textContent ?? '')).map((s) => s.outerHTML.slice(0, 200));
    const jsonBlocks = ([...document.querySelectorAll('script[type="application/json"]')] as HTMLScriptElement[]).map((s) => {
      let parses = true;
      try {
        JSON.parse(s.textContent ?? '');
      } catch {
        parses = false;
      }
      return { parses, rawLessThan: (s.textContent ?? '').includes('<') };
    });
    return {
      handlers,
      injectedScripts,
      jsonBlocks,
      text: document.body?.innerText ?? '',
      csp: (window as unknown as { __csp: string[] }).__csp,
    };
  });
  await page.close();
  return { url, dialogs, cspViolations: found.csp, handlers: found.handlers, injectedScripts: found.injectedScripts, jsonBlocks: found.jsonBlocks, text: found.text };
}

export type { Browser };
