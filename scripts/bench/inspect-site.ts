// Weighs a built site: how many pages, the heaviest win page (HTML + its CSS), which pages ship
// JavaScript, and the gzipped JavaScript of the heaviest chart page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SiteWeight {
  pages: number;
  winPages: number;
  /** Largest win page: its HTML plus every stylesheet it links, KB. */
  largestWinPageKB: number | null;
  largestWinPage: string | null;
  /** Pages with no chart, filter or share actions that still load JavaScript. */
  plainPagesWithJs: string[];
  chartPages: number;
  /** Heaviest chart page: all its JavaScript (inline, linked, and what that imports), gzipped, KB. */
  largestChartJsKB: number | null;
}

const WIN_PAGE = /^wins\/\d{4}-\d{2}-\d{2}[^/]*\/index\.html$/;
// Pages allowed to load JavaScript: a chart, a filter of the win list, share actions (the
// markers the site's components put in the HTML).
const CHART = /<canvas\b/i;
const FILTER_OR_SHARE = /\sdata-(filter|share)[\s=>]/i;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** A site-absolute or relative URL to a file in `outDir`, whatever base path the site has. */
function fileOf(outDir: string, pageFile: string, href: string): string | null {
  if (/^[a-z]+:|^\/\//i.test(href)) return null;
  const clean = href.split(/[?#]/)[0] ?? '';
  if (!clean.startsWith('/')) {
    const path = join(outDir, dirname(pageFile), clean);
    return existsSync(path) ? path : null;
  }
  const segments = clean.split('/').filter(Boolean);
  // Strip base path segments until the file is found.
  for (let i = 0; i < segments.length; i++) {
    const path = join(outDir, ...segments.slice(i));
    if (existsSync(path)) return path;
  }
  return null;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[2] ?? match[3] ?? match[4] ?? '') : null;
}

interface Scripts {
  inline: string[];
  files: string[];
}

function scriptsOf(outDir: string, pageFile: string, html: string): Scripts {
  const scripts: Scripts = { inline: [], files: [] };
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = match[1] ?? '';
    const type = attribute(`<script ${attrs}>`, 'type');
    if (type && /json/i.test(type)) continue;
    const src = attribute(`<script ${attrs}>`, 'src');
    if (src) {
      const file = fileOf(outDir, pageFile, src);
      if (file) scripts.files.push(file);
    } else if ((match[2] ?? '').trim()) {
      scripts.inline.push(match[2] ?? '');
    }
  }
  return scripts;
}

/** Every JS file reachable from `entries` through static and dynamic imports. */
function reachableJs(entries: readonly string[], inline: readonly string[], outDir: string, pageFile: string): string[] {
  const seen = new Set<string>();
  const queue: Array<{ text: string; from: string | null }> = inline.map((text) => ({ text, from: null }));
  for (const file of entries) queue.push({ text: '', from: file });
  while (queue.length > 0) {
    const { text, from } = queue.shift()!;
    let source = text;
    if (from !== null) {
      if (seen.has(from)) continue;
      seen.add(from);
      source = readFileSync(from, 'utf8');
    }
    for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.m?js)["']/g)) {
      const spec = match[1] ?? '';
      const file = spec.startsWith('.') && from !== null ? join(dirname(from), spec) : fileOf(outDir, pageFile, spec);
      if (file && existsSync(file) && !seen.has(file)) queue.push({ text: '', from: file });
    }
  }
  return [...seen];
}

export function inspectSite(outDir: string): SiteWeight {
  const weight: SiteWeight = {
    pages: 0,
    winPages: 0,
    largestWinPageKB: null,
    largestWinPage: null,
    plainPagesWithJs: [],
    chartPages: 0,
    largestChartJsKB: null,
  };
  for (const page of htmlFiles(outDir)) {
    weight.pages += 1;
    const html = readFileSync(join(outDir, page), 'utf8');
    const scripts = scriptsOf(outDir, page, html);
    const hasJs = scripts.inline.length + scripts.files.length > 0;
    const hasChart = CHART.test(html);
    if (WIN_PAGE.test(page)) {
      weight.winPages += 1;
      let bytes = Buffer.byteLength(html);
      for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
        const tag = match[0];
        if (!/rel\s*=\s*["']?stylesheet/i.test(tag)) continue;
        const file = fileOf(outDir, page, attribute(tag, 'href') ?? '');
        if (file) bytes += readFileSync(file).length;
      }
      if (weight.largestWinPageKB === null || bytes / 1024 > weight.largestWinPageKB) {
        weight.largestWinPageKB = bytes / 1024;
        weight.largestWinPage = page;
      }
    }
    if (hasChart) {
      weight.chartPages += 1;
      const files = reachableJs(scripts.files, scripts.inline, outDir, page);
      const all = [...scripts.inline.map((s) => Buffer.from(s)), ...files.map((f) => readFileSync(f))];
      const kb = all.reduce((sum, b) => sum + gzipSync(b).length, 0) / 1024;
      if (weight.largestChartJsKB === null || kb > weight.largestChartJsKB) weight.largestChartJsKB = kb;
    } else if (hasJs && !FILTER_OR_SHARE.test(html)) {
      weight.plainPagesWithJs.push(page);
    }
  }
  return weight;
}
