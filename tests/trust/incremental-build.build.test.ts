// A rebuild renders only the pages whose data changed and keeps what is still right in dist/;
// what it leaves must be exactly what a build into an empty folder, with empty caches, writes.
// The sample journal is built, rebuilt unchanged, then changed in the ways runners change it
// (a new run, an edited story, a renamed run, a story deleted) while dist/ is tampered with, and
// rebuilt again: that tree is compared byte for byte with a fresh build of the changed journal.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree, listTree } from './helpers.ts';
import { buildSite, prepareProject, type BuildResult } from './site-build.ts';

const REPO = resolve(import.meta.dirname, '../..');
const root = mkdtempSync(join(tmpdir(), 'small-wins-incremental-'));
const data = join(root, 'journal');
// Share images are content-addressed, so sharing their cache between the two projects is safe
// (and spares drawing the sample's cards again); Astro's caches are each project's own.
const cards = process.env.SMALL_WINS_CACHE ?? join(REPO, '.cache', 'small-wins');
const incremental = { project: join(root, 'incremental'), dist: join(root, 'incremental', 'dist') };
const fresh = { project: join(root, 'fresh'), dist: join(root, 'fresh', 'dist') };

const logs: { cold?: BuildResult; unchanged?: BuildResult; changed?: BuildResult; fresh?: BuildResult } = {};
let coldTree: string[] = [];
let unchangedTree: string[] = [];

function ok(result: BuildResult | undefined): BuildResult {
  if (result?.code !== 0) throw new Error(`build failed (${result?.code}):\n${result?.stderr.slice(-3000)}\n${result?.stdout.slice(-3000)}`);
  return result;
}

/** Pages Astro's log lists below `dir` (`/wins/x/`), split by whether the incremental cache served them. */
function pagesIn(result: BuildResult, dir: string): { cached: number; rendered: number } {
  const page = new RegExp(`${dir}[^/\\s]+/index\\.html`);
  const lines = result.stdout.split('\n').filter((line) => page.test(line));
  const cached = lines.filter((line) => line.includes('(cached)')).length;
  return { cached, rendered: lines.length - cached };
}

function editCsvField(file: string, date: string, column: string, value: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const at = lines.findIndex((line) => line.startsWith(`${date},`));
  // The sample's lines up to that column hold no quoted commas (checked by the title below).
  const fields = lines[at]!.split(',');
  fields[header.indexOf(column)] = value;
  lines[at] = fields.join(',');
  writeFileSync(file, lines.join('\n'));
}

const TAMPERED_PAGE = 'wins/index.html';
const STRAY = 'old-page/index.html';

beforeAll(async () => {
  cpSync(join(REPO, 'data'), data, { recursive: true });
  prepareProject(incremental.project);
  prepareProject(fresh.project);
  const build = (into: typeof incremental) => buildSite({ project: into.project, data, outDir: into.dist, cache: cards });

  logs.cold = ok(await build(incremental));
  coldTree = hashTree(incremental.dist);
  logs.unchanged = ok(await build(incremental));
  unchangedTree = hashTree(incremental.dist);

  // The journal changes...
  const csv = join(data, 'runs.csv');
  writeFileSync(csv, `${readFileSync(csv, 'utf8').trimEnd()}\n2025-11-19,22.4,2:11:05,Long run before the race,long,,180,yes,4,1,,,,,Kestrel 4\n`);
  editCsvField(csv, '2024-10-19', 'title', 'Ridge loop in the fog');
  const story = join(data, 'journal', '2024-03-09-first-4k-nonstop.md');
  writeFileSync(story, `${readFileSync(story, 'utf8').trimEnd()}\n\nWritten again a year later: still proud of it.\n`);
  rmSync(join(data, 'journal', '2025-07-09-gotland-holiday-run.md'));
  // ...and so does dist/, behind the build's back.
  writeFileSync(join(incremental.dist, TAMPERED_PAGE), '<p>tampered</p>');
  const card = listTree(incremental.dist).find((path) => path.endsWith('card-1200x630.png') && path.startsWith('wins/'))!;
  const size = statSync(join(incremental.dist, card)).size;
  writeFileSync(join(incremental.dist, card), Buffer.alloc(size, 7));
  mkdirSync(join(incremental.dist, 'old-page'), { recursive: true });
  writeFileSync(join(incremental.dist, STRAY), '<p>left over</p>');
  mkdirSync(join(incremental.dist, '.git'), { recursive: true });
  writeFileSync(join(incremental.dist, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');

  logs.changed = ok(await build(incremental));
  logs.fresh = ok(await build(fresh));
}, 1_200_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an incremental rebuild', () => {
  it('renders no win or run page again when nothing changed, and writes the same tree', () => {
    const winPages = pagesIn(ok(logs.cold), '/wins/');
    expect(winPages.rendered).toBeGreaterThan(80);
    expect(pagesIn(ok(logs.unchanged), '/wins/')).toEqual({ cached: winPages.rendered, rendered: 0 });
    expect(pagesIn(ok(logs.unchanged), '/runs/').cached).toBeGreaterThan(5);
    expect(unchangedTree).toEqual(coldTree);
  });

  it('after a new run, an edited story and a renamed run renders few pages again', () => {
    const { cached, rendered } = pagesIn(ok(logs.changed), '/wins/');
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(cached / 4);
  });

  it('leaves exactly what a fresh build of the changed journal writes, byte for byte', () => {
    const changed = hashTree(incremental.dist).filter((line) => !line.endsWith('  .git/HEAD'));
    const expected = hashTree(fresh.dist);
    expect(changed).toEqual(expected);
    // The changes are there: the test would fail if nothing had changed.
    expect(expected).not.toEqual(coldTree);
    expect(readFileSync(join(fresh.dist, 'wins', '2024-03-09-first-4-km-nonstop', 'index.html'), 'utf8')).toContain('still proud of it');
    expect(existsSync(join(fresh.dist, 'runs', '2025-07-09', 'index.html'))).toBe(false);
    expect(existsSync(join(incremental.dist, 'runs', '2025-07-09'))).toBe(false);
  });

  it('replaces what was tampered with, removes what no build wrote, and never touches .git', () => {
    expect(readFileSync(join(incremental.dist, TAMPERED_PAGE), 'utf8')).not.toContain('tampered');
    expect(existsSync(join(incremental.dist, STRAY))).toBe(false);
    expect(existsSync(join(incremental.dist, 'old-page'))).toBe(false);
    expect(readFileSync(join(incremental.dist, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
  });
});
