// Replacing a journal file so that a crash, a kill or a full disk never leaves it half-written:
// the new text goes to a temporary file in the same folder (same filesystem, so the rename is
// atomic), is flushed to disk, and only then takes the journal's name.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The steps a test may replace to simulate a full disk or a crash between writing and renaming. */
export interface AtomicWriteSteps {
  write(handle: FileHandle, data: string): Promise<void>;
  /** Called after the temp file is flushed and closed, just before the rename. */
  beforeRename(tempPath: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

const defaultSteps: AtomicWriteSteps = {
  async write(handle, data) {
    await handle.writeFile(data, 'utf8');
  },
  async beforeRename() {},
  rename,
};

/** A hidden name ending in `.tmp`, so a leftover from a crash is never read as a journal file. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

async function existingMode(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return null;
  }
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

/** Writes `data` to `path` atomically; on any failure the old file is untouched and the temp file removed. */
export async function writeFileAtomic(path: string, data: string, steps: Partial<AtomicWriteSteps> = {}): Promise<void> {
  const { write, beforeRename, rename: renameStep } = { ...defaultSteps, ...steps };
  const temp = tempPathFor(path);
  const mode = await existingMode(path);
  let handle: FileHandle | null = await open(temp, 'wx', mode ?? 0o644);
  try {
    // The journal keeps its permissions (open's mode is narrowed by the umask).
    if (mode !== null) await handle.chmod(mode);
    await write(handle, data);
    await handle.sync();
    await handle.close();
    handle = null;
    await beforeRename(temp);
    await renameStep(temp, path);
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncFolder(dirname(path));
}
