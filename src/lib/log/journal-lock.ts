// One `log` at a time per journal file: read, append and swap in happen under a lock file beside
// the file (`runs.csv.lock`), so two logs started together cannot both append to the same old text
// and lose a run. The lock is created exclusively and holds its owner's process id, host and start
// time; a lock whose process is gone (on this host), or that is far older than any log takes, is
// stale and broken, so a crash never locks the journal for good.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, stat, unlink, link, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface LockOptions {
  /** How long to wait for a live holder before giving up. */
  timeoutMs?: number;
  /** A lock older than this is stale whoever holds it: a log takes seconds. */
  staleMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_STALE_MS = 10 * 60_000;

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** Another log holds the lock and did not let go in time. */
export class LockBusyError extends Error {
  readonly holder: LockHolder | null;
  constructor(lockPath: string, holder: LockHolder | null, waitedMs: number) {
    const who = holder === null ? 'another process' : `process ${holder.pid} on ${holder.host} (since ${holder.since})`;
    super(
      `another log is writing it: ${who} holds ${basename(lockPath)}, and it was not released within ${Math.round(waitedMs / 1000)} s; ` +
        'try again, or delete the lock file if no log is running',
    );
    this.name = 'LockBusyError';
    this.holder = holder;
  }
}

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

function holderText(): string {
  // The random token tells this lock from a later one by the same process id.
  return `pid ${process.pid}\nhost ${hostname()}\nsince ${new Date().toISOString()}\ntoken ${randomBytes(8).toString('hex')}\n`;
}

export function parseHolder(text: string): LockHolder | null {
  const field = (name: string): string | undefined => new RegExp(`^${name} (.+)$`, 'm').exec(text)?.[1];
  const pid = Number(field('pid'));
  const host = field('host');
  const since = field('since');
  if (!Number.isInteger(pid) || pid <= 0 || host === undefined || since === undefined) return null;
  return { pid, host, since };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stale: its process is gone (only knowable on the same host), or it is older than `staleMs`. A
 * lock being written (empty or cut short) is not stale until it is that old.
 */
export function isStale(holder: LockHolder | null, ageMs: number, staleMs: number): boolean {
  if (ageMs > staleMs) return true;
  return holder !== null && holder.host === hostname() && !processIsAlive(holder.pid);
}

async function readLock(lockPath: string): Promise<{ text: string; ageMs: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    return { text, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes the stale lock whose text was `seen`. Moved aside first, which only one process can do;
 * if what was moved is not the lock judged stale (it was broken and taken again meanwhile), it is
 * put back (a link never replaces a lock that exists).
 */
async function breakStale(lockPath: string, seen: string): Promise<void> {
  const aside = join(dirname(lockPath), `.${basename(lockPath)}.${process.pid}-${randomBytes(4).toString('hex')}.stale`);
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved !== seen) await link(aside, lockPath).catch(() => {});
  await unlink(aside).catch(() => {});
}

async function tryCreate(lockPath: string, text: string): Promise<boolean> {
  try {
    await writeFile(lockPath, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Clears the stale locks beside the journal's top-level CSVs (the files `log` writes), as the next
 * `log` would: `check` runs first after a crash, so the lock left by a killed `log` goes then. A
 * live log's lock is left alone. Returns the locks removed.
 */
export async function clearStaleLocks(dataDir: string, options: LockOptions = {}): Promise<string[]> {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const names = await readdir(dataDir).catch(() => [] as string[]);
  const cleared: string[] = [];
  for (const name of names.filter((n) => /\.csv\.lock$/i.test(n)).sort()) {
    const lockPath = join(dataDir, name);
    const current = await readLock(lockPath).catch(() => null);
    if (current === null || !isStale(parseHolder(current.text), current.ageMs, staleMs)) continue;
    await breakStale(lockPath, current.text);
    cleared.push(lockPath);
  }
  return cleared;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` holding the lock of `file`; waits for a live holder, breaks a stale one. */
export async function withFileLock<T>(file: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const lockPath = lockPathFor(file);
  const mine = holderText();
  const started = Date.now();
  let delay = 5;
  while (!(await tryCreate(lockPath, mine))) {
    const current = await readLock(lockPath);
    if (current === null) continue;
    const holder = parseHolder(current.text);
    if (isStale(holder, current.ageMs, staleMs)) {
      await breakStale(lockPath, current.text);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new LockBusyError(lockPath, holder, waited);
    // Jittered, growing waits: ten logs started together do not retry in step.
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await work();
  } finally {
    // Only this lock is removed: if it was broken as stale and taken by another, that one stays.
    const current = await readLock(lockPath).catch(() => null);
    if (current?.text === mine) await unlink(lockPath).catch(() => {});
  }
}
