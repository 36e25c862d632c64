// Content loaders fed by the project's own journal reader and wins engine. The journal is read
// once per build (all collections share it); in dev a change in the data folder reads it again and
// refreshes every collection.
import { resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { isRawFilesWarning } from '../lib/journal/imports/raw-files.ts';
import { formatProblem } from '../lib/journal/problems.ts';
import { siteCollections, type SiteCollections } from '../lib/site/collections.ts';
import { buildJournalSource, readJournalToShare } from './journal-reading.ts';

export const dataDir = process.env.SMALL_WINS_DATA ?? 'data';

let current: Promise<SiteCollections> | null = null;

/** The same lines `check` prints, so a broken journal fails the build with words the runner knows. */
export class JournalError extends Error {
  constructor(lines: string[]) {
    super(`The journal has ${lines.length} error${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'JournalError';
  }
}

async function readSite(): Promise<SiteCollections> {
  const { today } = buildJournalSource();
  const { journal, wins } = await readJournalToShare(dataDir, today);
  if (journal.errors.length > 0) throw new JournalError(journal.errors.map(formatProblem));
  // Once per build: what a public repository exposes, and the command that replaces it.
  for (const warning of journal.warnings.filter(isRawFilesWarning)) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
  return siteCollections(journal, wins);
}

function site(): Promise<SiteCollections> {
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

function watchDataFolder(context: LoaderContext): void {
  const { watcher, logger } = context;
  if (!watcher || watched.has(watcher)) return;
  watched.add(watcher);
  const root = resolve(dataDir);
  watcher.add(root);
  const onChange = async (path: string) => {
    const file = resolve(path);
    // Journal stories are the glob loader's; everything in the data folder changes the wins.
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
        const entries = pick(await site());
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
      refreshers.add(sync);
      watchDataFolder(context);
      await sync();
    },
  };
}
