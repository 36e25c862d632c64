// The direction of imports (docs/architecture.md): the domain core (journal → wins, with format)
// knows nothing of Astro, the site or the disk, except the journal reader's edge files that read
// the folder; src/lib never reaches up into pages or integrations; nothing shipped imports a test.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The domain core: journal → wins, with the formatting both use. */
const CORE = ['src/lib/journal/', 'src/lib/wins/', 'src/lib/format/', 'src/lib/model/'];
/** What the core may import from the project besides itself. */
const CORE_MAY_IMPORT = ['src/lib/types.ts'];
/** The journal reader's edge: the only core files that touch the disk, processes or threads. */
const CORE_EDGE = [
  'src/lib/journal/read-journal.ts',
  'src/lib/journal/font-files.ts',
  'src/lib/journal/imports/activity-file.ts',
  'src/lib/journal/imports/cache.ts',
  'src/lib/journal/imports/parse-pool.ts',
  'src/lib/journal/imports/parse-worker.ts',
  'src/lib/journal/imports/privacy-secret.ts',
  'src/lib/journal/imports/read-imports.ts',
];
/** Node modules that reach the file system, the machine or other threads and processes. */
const SYSTEM = new Set(['fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'cluster', 'net', 'http', 'https', 'readline']);
/** The bottom layer: days, units, slugs and text. It imports nothing of the project but itself. */
const BOTTOM = 'src/lib/format/';
/**
 * Layers side by side: neither imports the other; what both show (a run's public entry, the
 * published rewards, the year in review) comes from `src/lib/publish/`, below both.
 */
const SIBLINGS: ReadonlyArray<readonly [string, string]> = [
  ['src/lib/cards/', 'src/lib/site/'],
  ['src/lib/site/', 'src/lib/cards/'],
  ['src/lib/publish/', 'src/lib/site/'],
  ['src/lib/publish/', 'src/lib/cards/'],
];
/** The names, shapes and numbers every layer shares (run columns, win kinds, ladders, thresholds, run order): above format only. */
const MODEL = ['src/lib/model/', 'src/lib/types.ts'];
/** Folders src/lib must not import: the pages and the Astro integrations built on top of it. */
const ABOVE_LIB = ['src/pages/', 'src/integrations/', 'src/components/', 'src/layouts/'];

interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

interface Import {
  specifier: string;
  line: number;
  /** The imported file relative to the root, for relative specifiers. */
  target: string | null;
}

/** An .astro file's code: its front matter and its <script> blocks, the rest blanked so lines stay put. */
function astroCode(text: string): string {
  const keep = new Array<boolean>(text.length).fill(false);
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontMatter) keep.fill(true, 3, frontMatter[0].length - 3);
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = script.index + script[0].indexOf('>') + 1;
    keep.fill(true, start, start + script[1]!.length);
  }
  return [...text].map((char, i) => (keep[i] || char === '\n' ? char : ' ')).join('');
}

function importsOf(file: SourceFile): Import[] {
  const code = file.path.endsWith('.astro') ? astroCode(file.text) : file.text;
  return ts.preProcessFile(code, true, true).importedFiles.map(({ fileName, pos }) => ({
    specifier: fileName,
    line: code.slice(0, pos).split('\n').length,
    target: fileName.startsWith('.') ? posix.join(posix.dirname(file.path), fileName) : null,
  }));
}

const under = (path: string, folders: readonly string[]): boolean => folders.some((folder) => path.startsWith(folder));
const nodeModule = (specifier: string): string | null => {
  const name = specifier.replace(/^node:/, '');
  return specifier.startsWith('node:') || builtinModules.includes(name) ? name : null;
};

/** Every import that breaks the rules, as `file:line imports 'x': why`. */
function importViolations(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const { specifier, line, target } of importsOf(file)) {
      const say = (why: string) => found.push(`${file.path}:${line} imports '${specifier}': ${why}`);
      if (under(file.path, CORE)) {
        const system = nodeModule(specifier);
        if (/^(astro|astro:.*|@astrojs\/.*|vite)$/.test(specifier)) say('the domain core must not depend on Astro');
        else if (system !== null && SYSTEM.has(system) && !CORE_EDGE.includes(file.path)) {
          say('only the journal reader\'s edge files (listed in this test) may use the file system');
        } else if (target !== null && !under(target, CORE) && !CORE_MAY_IMPORT.includes(target)) {
          say('the domain core may import only itself and src/lib/types.ts');
        }
      }
      if (file.path.startsWith(BOTTOM) && target !== null && !target.startsWith(BOTTOM)) {
        say('src/lib/format is the bottom layer: it imports nothing of the project but itself (type imports too)');
      }
      if (under(file.path, MODEL) && target !== null && !under(target, MODEL) && !target.startsWith(BOTTOM)) {
        say('src/lib/model (with types.ts) imports only itself and src/lib/format: every layer above takes its names from it');
      }
      for (const [from, to] of SIBLINGS) {
        if (file.path.startsWith(from) && target !== null && target.startsWith(to)) {
          say(`${from.slice(8, -1)} must not import ${to.slice(8, -1)}: what both show lives in src/lib/publish/`);
        }
      }
      if (file.path.startsWith('src/lib/') && target !== null && under(target, ABOVE_LIB)) say('src/lib must not import pages, components or integrations');
      if ((file.path.startsWith('scripts/') || file.path.startsWith('src/')) && target !== null && target.startsWith('tests/')) {
        say('only tests may import from tests/');
      }
    }
  }
  return found;
}

function sourceFiles(folder: string): SourceFile[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs|js|astro)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

describe('the journal source', () => {
  it('is read from the environment in one module only', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('scripts'), { path: 'astro.config.mjs', text: readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8') }];
    const readers = files.filter((file) => /\.SMALL_WINS_(DATA|TODAY)\b|\[['"]SMALL_WINS_(DATA|TODAY)['"]\]/.test(file.text)).map((file) => file.path);
    expect(readers).toEqual(['src/lib/journal-source.ts']);
  });
});

describe('import rules', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('scripts')];

  it('hold for every file in src/ and scripts/', () => {
    expect(files.filter((file) => file.path.startsWith('src/lib/wins/')).length).toBeGreaterThan(5);
    expect(importViolations(files)).toEqual([]);
  });

  it('name each edge file that is still there', () => {
    const paths = new Set(files.map((file) => file.path));
    expect(CORE_EDGE.filter((path) => !paths.has(path))).toEqual([]);
  });

  it('catch the core reaching for Astro, the site, the disk or the log', () => {
    const planted: SourceFile[] = [
      { path: 'src/lib/wins/bad.ts', text: "import { getCollection } from 'astro:content';\nimport { x } from '../site/totals.ts';\n" },
      { path: 'src/lib/format/bad.ts', text: "// a comment\nimport { readFileSync } from 'node:fs';\nconst p = await import('path');\n" },
      { path: 'src/lib/journal/bad.ts', text: "export { y } from '../log/log-run.ts';\nimport { z } from './csv.ts';\n" },
    ];
    expect(importViolations(planted)).toEqual([
      "src/lib/wins/bad.ts:1 imports 'astro:content': the domain core must not depend on Astro",
      "src/lib/wins/bad.ts:2 imports '../site/totals.ts': the domain core may import only itself and src/lib/types.ts",
      "src/lib/format/bad.ts:2 imports 'node:fs': only the journal reader's edge files (listed in this test) may use the file system",
      "src/lib/format/bad.ts:3 imports 'path': only the journal reader's edge files (listed in this test) may use the file system",
      "src/lib/journal/bad.ts:1 imports '../log/log-run.ts': the domain core may import only itself and src/lib/types.ts",
    ]);
  });

  it('catch the cards and the site importing each other, or publish importing either', () => {
    const planted: SourceFile[] = [
      { path: 'src/lib/cards/bad.ts', text: "import type { RunEntry } from '../site/collections.ts';\nimport { runEntry } from '../publish/run-entry.ts';\n" },
      { path: 'src/lib/site/bad.ts', text: "import { drawCard } from '../cards/render-card.ts';\n" },
      { path: 'src/lib/publish/bad.ts', text: "import { x } from '../site/figures.ts';\n" },
    ];
    expect(importViolations(planted)).toEqual([
      "src/lib/cards/bad.ts:1 imports '../site/collections.ts': cards must not import site: what both show lives in src/lib/publish/",
      "src/lib/site/bad.ts:1 imports '../cards/render-card.ts': site must not import cards: what both show lives in src/lib/publish/",
      "src/lib/publish/bad.ts:1 imports '../site/figures.ts': publish must not import site: what both show lives in src/lib/publish/",
    ]);
  });

  it('catch the shared model reaching up into the reader or the engine', () => {
    const planted: SourceFile[] = [
      { path: 'src/lib/model/bad.ts', text: "import { slugify } from '../format/slug.ts';\nimport type { Journal } from '../types.ts';\nimport { findWins } from '../wins/find-wins.ts';\n" },
      { path: 'src/lib/types.ts', text: "import type { Problem } from './journal/problems.ts';\n" },
    ];
    expect(importViolations(planted)).toEqual([
      "src/lib/model/bad.ts:3 imports '../wins/find-wins.ts': src/lib/model (with types.ts) imports only itself and src/lib/format: every layer above takes its names from it",
      "src/lib/types.ts:1 imports './journal/problems.ts': src/lib/model (with types.ts) imports only itself and src/lib/format: every layer above takes its names from it",
    ]);
  });

  it('catch the bottom layer importing the shapes above it, type imports included', () => {
    const planted: SourceFile[] = [
      { path: 'src/lib/format/bad.ts', text: "import type { Run } from '../types.ts';\nimport { slugify } from './slug.ts';\nexport type { Win } from '../wins/kinds.ts';\n" },
    ];
    expect(importViolations(planted)).toEqual([
      "src/lib/format/bad.ts:1 imports '../types.ts': src/lib/format is the bottom layer: it imports nothing of the project but itself (type imports too)",
      "src/lib/format/bad.ts:3 imports '../wins/kinds.ts': src/lib/format is the bottom layer: it imports nothing of the project but itself (type imports too)",
    ]);
  });

  it('catch src/lib importing a page or an integration, and a script or page importing a test', () => {
    const planted: SourceFile[] = [
      { path: 'src/lib/site/bad.ts', text: "import { a } from '../../integrations/share-cards.ts';\nimport b from '../../pages/index.astro';\n" },
      { path: 'scripts/bad.ts', text: "import { c } from '../tests/trust/helpers.ts';\n" },
      { path: 'src/components/Bad.astro', text: "---\nimport { d } from '../../tests/e2e/crawl.ts';\n---\n<p>import x from '../../tests/not-code.ts'</p>\n<script>\n  import { e } from '../../tests/e2e/browser.ts';\n</script>\n" },
    ];
    expect(importViolations(planted)).toEqual([
      "src/lib/site/bad.ts:1 imports '../../integrations/share-cards.ts': src/lib must not import pages, components or integrations",
      "src/lib/site/bad.ts:2 imports '../../pages/index.astro': src/lib must not import pages, components or integrations",
      "scripts/bad.ts:1 imports '../tests/trust/helpers.ts': only tests may import from tests/",
      "src/components/Bad.astro:2 imports '../../tests/e2e/crawl.ts': only tests may import from tests/",
      "src/components/Bad.astro:6 imports '../../tests/e2e/browser.ts': only tests may import from tests/",
    ]);
  });
});
