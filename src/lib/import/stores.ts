// Where an import reads its files from: a folder on disk or a ZIP archive read where it lies
// (nested archives included), behind one interface so each export format is read one way.
// ZIPs are read with yauzl: entries are listed from the central directory without inflating
// anything, and each is inflated on its own as a stream, so memory follows the largest activity.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import { ArchiveTooDeep, DEFAULT_ZIP_LIMITS, ImportInputError, type ZipLimits } from './zip-limits.ts';

export interface StoreFile {
  /** Path inside the store, forward slashes. */
  name: string;
  /** Inflated bytes. */
  size: number;
  /** Changes when the content does (CRC-32 in a ZIP, the modification time on disk): for the cache. */
  stamp: number;
}

export interface SourceStore {
  /** How messages name it: `Downloads/export.zip`, `export.zip › DI_CONNECT/…/Part1.zip`. */
  label: string;
  files: StoreFile[];
  /** Names the archive lists more than once with different contents: none of them is read. */
  ambiguous: string[];
  /** How messages name one of its files. */
  shown(name: string): string;
  read(name: string): Promise<Uint8Array>;
  /** A file's bytes as they are read, for the one too large to hold (an Apple Health export.xml). */
  stream(name: string): Promise<AsyncIterable<Uint8Array>>;
  /** The archive `name` inside this store. */
  openNested(name: string): Promise<SourceStore>;
  close(): Promise<void>;
}

export async function openFolderStore(dir: string, label: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<SourceStore> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files: StoreFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    files.push({ name: relative(dir, path).split(sep).join('/'), size: info.size, stamp: info.mtimeMs });
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    label,
    files,
    ambiguous: [],
    shown: (name) => `${label}/${name}`,
    read: async (name) => new Uint8Array(await readFile(join(dir, name))),
    stream: async (name) => createReadStream(join(dir, name)),
    openNested: (name) => openZipStore(join(dir, name), `${label}/${name}`, limits),
    close: async () => {},
  };
}

/** One file on its own, as a store of one. */
export async function openFileStore(path: string, label: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<SourceStore> {
  const info = await stat(path);
  const name = basename(path);
  return {
    label,
    files: [{ name, size: info.size, stamp: info.mtimeMs }],
    ambiguous: [],
    shown: () => label,
    read: async () => new Uint8Array(await readFile(path)),
    stream: async () => createReadStream(path),
    openNested: () => openZipStore(path, label, limits),
    close: async () => {},
  };
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

/** Every entry of the central directory; yauzl refuses names that would point outside the archive. */
function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function openEntryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))));
}

/** Why an archive cannot be read, in the runner's words. */
function zipError(label: string, error: Error): ImportInputError {
  const message = error.message;
  if (/invalid relative path|absolute path|invalid characters in fileName/.test(message)) {
    return new ImportInputError(`${label}: an entry's name points outside the archive (${message}): nothing was imported from it`);
  }
  if (/end of central directory|not a zip/i.test(message)) return new ImportInputError(`${label}: not a ZIP archive (${message})`);
  return new ImportInputError(`${label}: could not read the archive (${message})`);
}

/** Bytes of a local file header before its name: where the least an entry can take starts. */
const LOCAL_HEADER_BYTES = 30;

/**
 * Two entries whose data overlap, or null. A zip bomb lists many entries over the same compressed
 * bytes, each honest on its own, so that a small archive inflates without end; an archive an
 * exporter wrote never shares a byte between entries.
 */
function overlapping(entries: readonly yauzl.Entry[]): [yauzl.Entry, yauzl.Entry] | null {
  const byOffset = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1]!;
    const end = previous.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + previous.compressedSize;
    if (byOffset[i]!.relativeOffsetOfLocalHeader < end) return [previous, byOffset[i]!];
  }
  return null;
}

/** Counts what flows through and stops past `max`, so a lying header cannot inflate without end. */
function byteLimit(max: number, what: () => string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(new ImportInputError(what()));
      else done(null, chunk);
    },
  });
}

/**
 * A ZIP archive as a store. Nothing is extracted into the journal; a nested archive is inflated to
 * a temporary file (it must be seekable), read from there and removed when its store closes.
 */
export async function openZipStore(path: string, label: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS, budget = { inflated: 0 }): Promise<SourceStore> {
  let zip: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zip = await openZip(path);
  } catch (error) {
    throw zipError(label, error as Error);
  }
  // Counted from the archive's last record, before one entry is listed.
  if (zip.entryCount > limits.entries) {
    zip.close();
    throw new ImportInputError(`${label}: lists ${zip.entryCount} entries, more than the ${limits.entries} an export holds: not read (a zip bomb?)`);
  }
  try {
    entries = await listEntries(zip);
  } catch (error) {
    zip.close();
    throw zipError(label, error as Error);
  }
  const overlap = overlapping(entries);
  if (overlap !== null) {
    zip.close();
    const [a, b] = overlap;
    throw new ImportInputError(`${label}: entries ${a.fileName} and ${b.fileName} share their compressed bytes, which no exporter writes: not read (a zip bomb?)`);
  }
  // What every entry declares counts at once, whether or not it is read.
  budget.inflated += entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (budget.inflated > limits.totalBytes) {
    zip.close();
    throw new ImportInputError(`${label}: inflates to more than ${limits.totalBytes} bytes in all: stopped (a zip bomb?)`);
  }
  const byName = new Map<string, yauzl.Entry>();
  const ambiguous = new Set<string>();
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    const twin = byName.get(entry.fileName);
    // The same file stored twice is one file; two contents under one name could give a run another's track.
    if (twin && (twin.crc32 !== entry.crc32 || twin.uncompressedSize !== entry.uncompressedSize)) ambiguous.add(entry.fileName);
    if (!twin) byName.set(entry.fileName, entry);
  }
  for (const name of ambiguous) byName.delete(name);
  const files: StoreFile[] = [...byName.values()]
    .map((e) => ({ name: e.fileName, size: e.uncompressedSize, stamp: e.crc32 }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const temps: string[] = [];

  const check = (entry: yauzl.Entry, max: number): void => {
    const where = `${label} › ${entry.fileName}`;
    if (entry.uncompressedSize > max) {
      throw new ImportInputError(`${where}: inflates to ${entry.uncompressedSize} bytes, more than the ${max} an export's file may: not read (a zip bomb?)`);
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.ratio) {
      throw new ImportInputError(`${where}: compressed ${Math.round(ratio)} to 1, more than ${limits.ratio} to 1: not read (a zip bomb?)`);
    }
  };
  const streamOf = async (name: string, max: number): Promise<{ entry: yauzl.Entry; stream: NodeJS.ReadableStream }> => {
    const entry = byName.get(name);
    if (!entry) throw new ImportInputError(`${label}: no entry ${name}`);
    check(entry, max);
    try {
      return { entry, stream: await openEntryStream(zip, entry) };
    } catch (error) {
      throw zipError(`${label} › ${name}`, error as Error);
    }
  };
  const tooBig = (name: string, max: number) => () => `${label} › ${name}: inflates past ${max} bytes: not read (a zip bomb?)`;

  return {
    label,
    files,
    ambiguous: [...ambiguous].sort(),
    shown: (name) => `${label} › ${name}`,
    async read(name) {
      const { stream } = await streamOf(name, limits.entryBytes);
      const chunks: Buffer[] = [];
      const limit = byteLimit(limits.entryBytes, tooBig(name, limits.entryBytes));
      try {
        await pipeline(stream, limit, async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) chunks.push(chunk);
        });
      } catch (error) {
        throw error instanceof ImportInputError ? error : zipError(`${label} › ${name}`, error as Error);
      }
      return new Uint8Array(Buffer.concat(chunks));
    },
    async stream(name) {
      // Held to the limit of a nested archive, not of one activity file: an export.xml runs to gigabytes.
      const { stream } = await streamOf(name, limits.nestedBytes);
      return stream.pipe(byteLimit(limits.nestedBytes, tooBig(name, limits.nestedBytes)));
    },
    async openNested(name) {
      const { stream } = await streamOf(name, limits.nestedBytes);
      const dir = await mkdtemp(join(tmpdir(), 'small-wins-import-'));
      temps.push(dir);
      const file = join(dir, 'nested.zip');
      try {
        await pipeline(stream, byteLimit(limits.nestedBytes, tooBig(name, limits.nestedBytes)), createWriteStream(file));
      } catch (error) {
        throw error instanceof ImportInputError ? error : zipError(`${label} › ${name}`, error as Error);
      }
      const nested = await openZipStore(file, `${label} › ${name}`, limits, budget);
      return {
        ...nested,
        // Archives nest one level in an export; deeper nesting is not followed.
        openNested: async (inner) => {
          throw new ArchiveTooDeep(`${nested.label} › ${inner}: ${ArchiveTooDeep.reason}`);
        },
      };
    },
    async close() {
      zip.close();
      await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
