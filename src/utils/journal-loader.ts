// Content loaders fed by the project's own journal reader and wins engine. The journal is read
// once per build (all collections share it); in dev a change in the data folder reads it again and
// refreshes every collection.
import { resolve, sep } from 'node:path';
import { glob, type DataStore, type Loader, type LoaderContext } from 'astro/loaders';
import { isRawFilesWarning } from '../lib/journal/imports/raw-files.ts';
import { formatProblem } from '../lib/journal/problems.ts';
import { storyIdOf } from '../lib/journal/stories.ts';
import type { RunEntry } from '../lib/publish/run-entry.ts';
import { siteCollections, type SiteCollections } from '../lib/site/collections.ts';
import type { Story } from '../lib/types.ts';
import { journalSource } from '../lib/journal-source.ts';
import { readJournalToShare } from './journal-reading.ts';

export const { dataDir } = journalSource();

interface StoryFiles {
  /** The stories pages may show: those of public runs (a private run's entry has no story id). */
  publicIds: Set<string>;
  /** Private stories' files, inside the journal folder (`2025/long-run.md`). */
  privateFiles: string[];
}

function storyFiles(stories: Story[], runs: RunEntry[]): StoryFiles {
  const shown = new Set(runs.flatMap((run) => (run.private || run.storyId === null ? [] : [run.storyId])));
  const publicIds = new Set(stories.filter((story) => !story.private && shown.has(story.id)).map((story) => story.id));
  const privateFiles = stories
    .filter((story) => !publicIds.has(story.id))
    .map((story) => `${story.id.slice('journal/'.length)}${/\.mdx?$/i.exec(story.source.path)?.[0] ?? ''}`);
  return { publicIds, privateFiles };
}

/** `path` as a glob pattern that matches only itself. */
function globLiteral(path: string): string {
  return path.replace(/[\\*?[\](){}!+@|]/g, '\\$&');
}

/** What the loaders share from one reading: the collections, and which story files are public. */
interface SiteReading {
  site: SiteCollections;
  stories: StoryFiles;
}

let current: Promise<SiteReading> | null = null;

/** The same lines `check` prints, so a broken journal fails the build with words the runner knows. */
export class JournalError extends Error {
  constructor(lines: string[]) {
    super(`The journal has ${lines.length} error${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'JournalError';
    // The lines name the runner's file, line and field; where in this project the reading
    // stopped says nothing to them, so Astro is given no stack to print under them.
    this.stack = '';
  }
}

async function readSite(): Promise<SiteReading> {
  const { journal, wins } = await readJournalToShare(dataDir, journalSource().today);
  if (journal.errors.length > 0) throw new JournalError(journal.errors.map(formatProblem));
  // Once per build: what a public repository exposes, and the command that replaces it.
  for (const warning of journal.warnings.filter(isRawFilesWarning)) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
  const site = siteCollections(journal, wins);
  return { site, stories: storyFiles(journal.stories, site.runs) };
}

function reading(): Promise<SiteReading> {
  current ??= readSite();
  return current;
}

export interface Entry {
  id: string;
  data: Record<string, unknown>;
  /** Markdown to render (goal and profile bodies). */
  markdown?: string;
}

const refreshers = new Set<() => Promise<void>>();
const watched = new WeakSet<object>();

/** Runs `sync` again whenever the data folder changes (in dev; a build has no watcher). */
function followDataFolder(context: LoaderContext, sync: () => Promise<void>): void {
  refreshers.add(sync);
  watchDataFolder(context);
}

function watchDataFolder(context: LoaderContext): void {
  const { watcher, logger } = context;
  if (!watcher || watched.has(watcher)) return;
  watched.add(watcher);
  const root = resolve(dataDir);
  watcher.add(root);
  const onChange = async (path: string) => {
    const file = resolve(path);
    // Everything in the data folder can change the wins, and which stories are public.
    if (file !== root && !file.startsWith(root + sep)) return;
    current = null;
    logger.info(`journal changed: ${path}`);
    for (const refresh of refreshers) await refresh().catch((error: unknown) => logger.error(String(error)));
  };
  watcher.on('change', onChange);
  watcher.on('add', onChange);
  watcher.on('unlink', onChange);
}

/** A loader whose entries come from the journal through `pick`. */
export function journalLoader(name: string, pick: (site: SiteCollections) => Entry[]): Loader {
  return {
    name: `small-wins:${name}`,
    async load(context) {
      const { store, parseData, generateDigest, renderMarkdown } = context;
      const sync = async () => {
        const entries = pick((await reading()).site);
        const ids = new Set(entries.map((entry) => entry.id));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
        for (const entry of entries) {
          const digest = generateDigest({ data: entry.data, markdown: entry.markdown ?? null });
          if (store.get(entry.id)?.digest === digest) continue;
          const data = await parseData({ id: entry.id, data: entry.data });
          const rendered = entry.markdown === undefined ? undefined : await renderMarkdown(entry.markdown);
          store.set({ id: entry.id, data, digest, ...(rendered ? { rendered, body: entry.markdown } : {}) });
        }
      };
      followDataFolder(context, sync);
      await sync();
    },
  };
}

/**
 * The journal stories, rendered by Astro from their files (Markdown and MDX, images included),
 * public ones only: a private story's file is never read by Astro, so nothing of it (text, images,
 * other assets) can reach the site. Ids are the reader's story ids (`journal/2024-03-10-first-4k`).
 */
export function storiesLoader(): Loader {
  const base = `${dataDir}/journal`;
  return {
    name: 'small-wins:stories',
    async load(context) {
      const sync = async () => {
        const { stories } = await reading();
        // The glob never lists a private story's file; and only stories the pages may show are
        // stored, whatever else the glob finds (a file the reader does not take as a story).
        const inner = glob({
          pattern: ['**/*.{md,mdx}', ...stories.privateFiles.map((file) => `!${globLiteral(file)}`)],
          base,
          generateId: ({ entry }) => storyIdOf(`journal/${entry}`),
        });
        const store: DataStore = { ...context.store, set: (entry) => stories.publicIds.has(entry.id) && context.store.set(entry) };
        // Without the watcher: a change in the data folder runs this sync again (with the new list).
        await inner.load({ ...context, store, watcher: undefined });
        for (const id of context.store.keys()) if (!stories.publicIds.has(id)) context.store.delete(id);
      };
      followDataFolder(context, sync);
      await sync();
    },
  };
}
