// The sample journal, cut after 70% of its runs and whole: every link the shorter journal published
// (win pages, share images, RSS items) is still there when the rest of the runs are added. And no
// command (check, wins, a build) changes a byte of the journal it reads.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree, listTree, runScript, STACK_LINE } from './helpers.ts';
import { buildSite, prepareProject, type BuildResult } from './site-build.ts';

const SAMPLE = 'data';
const root = mkdtempSync(join(tmpdir(), 'small-wins-links-'));
const prefixData = join(root, 'prefix', 'data');
const wholeData = join(root, 'whole', 'data');

/** The sample with only the first `share` of runs.csv's rows, and the entries up to the last kept run. */
function writePrefix(to: string, share: number): string {
  cpSync(SAMPLE, to, { recursive: true });
  const [header, ...rows] = readFileSync(join(SAMPLE, 'runs.csv'), 'utf8').trimEnd().split('\n');
  const kept = rows.slice(0, Math.floor(rows.length * share));
  writeFileSync(join(to, 'runs.csv'), `${[header, ...kept].join('\n')}\n`);
  const lastDate = kept.at(-1)!.slice(0, 10);
  for (const file of readdirSync(join(to, 'journal'))) {
    const date = /^date:\s*(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(join(to, 'journal', file), 'utf8'))?.[1];
    if (date === undefined || date > lastDate) rmSync(join(to, 'journal', file));
  }
  return lastDate;
}

interface Links {
  wins: Set<string>;
  images: Set<string>;
  /** RSS item link → guid. */
  rss: Map<string, string>;
}

function linksOf(dist: string): Links {
  const files = listTree(dist);
  const wins = new Set(files.filter((f) => /^wins\/[^/]+\/index\.html$/.test(f)).map((f) => f.split('/')[1]!));
  const images = new Set<string>();
  for (const page of files.filter((f) => f.endsWith('.html'))) {
    for (const match of readFileSync(join(dist, page), 'utf8').matchAll(/<meta (?:property|name)="(?:og|twitter):image" content="([^"]+)"/g)) images.add(match[1]!);
  }
  const feed = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(dist, 'rss.xml'), 'utf8'));
  const rss = new Map<string, string>();
  for (const item of [feed.rss.channel.item ?? []].flat() as Array<Record<string, unknown>>) {
    const guid = item.guid as string | { '#text': string };
    rss.set(item.link as string, typeof guid === 'string' ? guid : guid['#text']);
    const enclosure = item.enclosure as { '@_url'?: string } | undefined;
    if (enclosure?.['@_url']) images.add(enclosure['@_url']);
  }
  return { wins, images, rss };
}

const results: Record<'prefix' | 'whole', BuildResult | null> = { prefix: null, whole: null };
const hashes: { before: string[]; afterCheck: string[]; afterWins: string[]; afterBuild: string[]; prefixBefore: string[]; prefixAfter: string[] } = {
  before: [], afterCheck: [], afterWins: [], afterBuild: [], prefixBefore: [], prefixAfter: [],
};
const commands: Record<string, ReturnType<typeof runScript>> = {};

beforeAll(async () => {
  cpSync(SAMPLE, wholeData, { recursive: true });
  writePrefix(prefixData, 0.7);
  hashes.before = hashTree(wholeData);
  hashes.prefixBefore = hashTree(prefixData);
  const env = { SMALL_WINS_CACHE: join(root, 'cli-cache') };
  commands.check = runScript('scripts/check.ts', ['--data', wholeData], env);
  hashes.afterCheck = hashTree(wholeData);
  commands.wins = runScript('scripts/wins.ts', ['--data', wholeData, '--json'], env);
  hashes.afterWins = hashTree(wholeData);
  // Pages only: share images are built and checked on the hostile journal; here their URLs matter.
  const [prefix, whole] = await Promise.all([
    buildSite({ project: prepareProject(join(root, 'prefix', 'project'), { cards: false }), data: prefixData, outDir: join(root, 'prefix', 'dist'), cache: join(root, 'prefix', 'cache') }),
    buildSite({ project: prepareProject(join(root, 'whole', 'project'), { cards: false }), data: wholeData, outDir: join(root, 'whole', 'dist'), cache: join(root, 'whole', 'cache') }),
  ]);
  results.prefix = prefix;
  results.whole = whole;
  hashes.afterBuild = hashTree(wholeData);
  hashes.prefixAfter = hashTree(prefixData);
}, 1_200_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function built(which: 'prefix' | 'whole'): string {
  const result = results[which];
  if (result?.code !== 0) throw new Error(`build of the ${which} failed (${result?.code}):\n${result?.stderr.slice(-3000)}\n${result?.stdout.slice(-2000)}`);
  return join(root, which, 'dist');
}

describe('stable links when runs are appended', () => {
  it('keeps every win page, share image URL and RSS item id of the shorter journal', () => {
    const before = linksOf(built('prefix'));
    const after = linksOf(built('whole'));
    expect(before.wins.size).toBeGreaterThan(20);
    expect(before.images.size).toBeGreaterThan(20);
    expect(before.rss.size).toBeGreaterThan(10);
    expect(after.wins.size).toBeGreaterThan(before.wins.size);
    expect([...before.wins].filter((w) => !after.wins.has(w))).toEqual([]);
    expect([...before.images].filter((i) => !after.images.has(i))).toEqual([]);
    // The feed holds the newest items only: an older item may leave it, but its id and link must
    // still name the same win page, and an item in both feeds keeps its id.
    const site = [...after.rss.keys()][0]!.replace(/wins\/[^/]+\/$/, '');
    const broken = [...before.rss].filter(([link, guid]) => {
      const again = after.rss.get(link);
      return link !== `${site}wins/${guid}/` || !after.wins.has(guid) || (again !== undefined && again !== guid);
    });
    expect(broken).toEqual([]);
  });
});

describe('nothing is lost', () => {
  it('check and wins run cleanly on the sample', () => {
    expect(commands.check!.status).toBe(0);
    expect(commands.wins!.status).toBe(0);
    expect(commands.check!.stderr).not.toMatch(STACK_LINE);
    expect(JSON.parse(commands.wins!.stdout).length).toBeGreaterThan(20);
  });

  it('leaves every byte of the journal as it was after check, wins and a build', () => {
    built('whole');
    expect(hashes.before.length).toBeGreaterThan(10);
    expect(hashes.afterCheck).toEqual(hashes.before);
    expect(hashes.afterWins).toEqual(hashes.before);
    expect(hashes.afterBuild).toEqual(hashes.before);
    expect(hashes.prefixAfter).toEqual(hashes.prefixBefore);
  });
});
