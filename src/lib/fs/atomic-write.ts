// Replacing a journal file so that a crash, a kill or a full disk never leaves it half-written:
// the new bytes go to a temporary file in the same folder (same filesystem, so the rename is
// atomic), are flushed to disk, and only then take the journal's name. A journal file that is a
// symbolic link is written through: its target is replaced and the link stays a link. The new file
// keeps the old one's permissions and owner.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, lstat, open, readlink, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** The steps a test may replace to simulate a full disk or a crash between writing and renaming. */
export interface AtomicWriteSteps {
  write(handle: FileHandle, data: string | Uint8Array): Promise<void>;
  /** Called after the temp file is flushed and closed, just before the rename. */
  beforeRename(tempPath: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

const defaultSteps: AtomicWriteSteps = {
  async write(handle, data) {
    await handle.writeFile(data);
  },
  async beforeRename() {},
  rename,
};

/** Why the journal file cannot be written as it is; the message says what to change. */
export class JournalFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalFileError';
  }
}

/** A hidden name ending in `.tmp`, so a leftover from a crash is never read as a journal file. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

async function statIfExists(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The file a write to `path` must replace: the target of a symbolic link (followed to the end), else
 * `path` itself, existing or not. A link that leads nowhere is refused rather than replaced.
 */
export async function writeTarget(path: string): Promise<string> {
  let isLink = false;
  try {
    isLink = (await lstat(path)).isSymbolicLink();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
  if (!isLink) return path;
  try {
    return await realpath(path);
  } catch {
    throw new JournalFileError(`it is a link to ${await readlink(path)}, which does not exist; fix or remove the link`);
  }
}

/**
 * Where `path` really is once every symbolic link on the way to it is followed, a link that leads
 * nowhere (yet) included; the parts not there yet are taken as named. So a write that would go
 * through a link can be told where it would land before anything is written.
 */
export async function realLocation(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const info = await lstat(path).catch(() => null);
  if (info?.isSymbolicLink()) return realLocation(resolve(dirname(path), await readlink(path)));
  const parent = dirname(path);
  return parent === path ? path : join(await realLocation(parent), basename(path));
}

function octal(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}

/** Nobody may write it by its mode, or this process may not: a file or folder kept read-only on purpose. */
async function isReadOnly(path: string, info: Stats): Promise<boolean> {
  if ((info.mode & 0o222) === 0) return true;
  return access(path, constants.W_OK).then(
    () => false,
    () => true,
  );
}

/**
 * What stops `target` (a `writeTarget`) from being replaced: a read-only file, a hard-linked one, or
 * a read-only folder (the copy is written there); null when it can be written.
 */
export async function replaceBlocker(target: string): Promise<string | null> {
  const file = await statIfExists(target);
  if (file !== null && (await isReadOnly(target, file))) {
    return `the file is read-only (mode ${octal(file.mode)}); make it writable (chmod u+w) to log to it`;
  }
  // A copy swapped in takes the name only: the other names would keep the old bytes, silently.
  if (file !== null && file.nlink > 1) {
    return `it is hard-linked (${file.nlink} names for one file), and log writes a copy and swaps it in, which would part the names: the others would keep the old runs; keep the journal under one name and log again`;
  }
  const folder = dirname(target);
  const folderInfo = await statIfExists(folder);
  if (folderInfo !== null && (await isReadOnly(folder, folderInfo))) {
    return `its folder is read-only (mode ${octal(folderInfo.mode)}); log writes a copy beside the file and swaps it in, so the folder must be writable`;
  }
  return null;
}

async function syncFolder(folder: string): Promise<void> {
  // Makes the rename itself durable; not every platform lets a folder be opened, so best effort.
  let handle: FileHandle | null = null;
  try {
    handle = await open(folder, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // ignored: the data is already safely in place.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** Gives the copy the old file's owner and permissions, or says why it cannot. */
async function keepOwnerAndMode(handle: FileHandle, old: Stats): Promise<void> {
  const copy = await handle.stat();
  if (copy.uid !== old.uid || copy.gid !== old.gid) {
    try {
      await handle.chown(old.uid, old.gid);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'EACCES') throw error;
      throw new JournalFileError(
        `it belongs to user ${old.uid} and group ${old.gid}, and a copy written by this user would change that; log as its owner`,
      );
    }
  }
  // After chown, which may clear some mode bits; open's mode was narrowed by the umask.
  await handle.chmod(old.mode & 0o7777);
}

/**
 * Writes `data` to `path` atomically, through a symbolic link to its target; on any failure the old
 * file is untouched and the temp file removed.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, steps: Partial<AtomicWriteSteps> = {}): Promise<void> {
  const { write, beforeRename, rename: renameStep } = { ...defaultSteps, ...steps };
  const target = await writeTarget(path);
  const temp = tempPathFor(target);
  const old = await statIfExists(target);
  let handle: FileHandle | null = await open(temp, 'wx', old === null ? 0o644 : old.mode & 0o777);
  try {
    if (old !== null) await keepOwnerAndMode(handle, old);
    await write(handle, data);
    await handle.sync();
    await handle.close();
    handle = null;
    await beforeRename(temp);
    await renameStep(temp, target);
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncFolder(dirname(target));
}
