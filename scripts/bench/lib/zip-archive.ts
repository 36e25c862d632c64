// A tiny ZIP writer for the tests and the benchmark: builds the archives the importer reads
// (deflated or stored entries, any entry name, even a hostile one) so neither needs archive files
// of its own. Entries go to a sink one at a time, so a large benchmark archive is never held whole.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
  /** Stored, not deflated (as some exporters store archives inside archives). */
  store?: boolean;
}

export class ZipWriter {
  private readonly sink: (bytes: Buffer) => void;
  private readonly centrals: Buffer[] = [];
  private offset = 0;
  private count = 0;
  constructor(sink: (bytes: Buffer) => void) {
    this.sink = sink;
  }

  add(entry: ZipEntry): void {
    const data = Buffer.from(entry.data);
    const body = entry.store ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name);
    const crc = crc32(data);
    const method = entry.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(this.offset, 42);
    this.sink(Buffer.concat([local, name, body]));
    this.centrals.push(central, name);
    this.offset += local.length + name.length + body.length;
    this.count++;
  }

  /** Writes the central directory; the archive is complete after this. */
  finish(): void {
    const directory = Buffer.concat(this.centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    this.sink(Buffer.concat([directory, end]));
  }
}

/** A whole archive in memory. */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const writer = new ZipWriter((bytes) => parts.push(bytes));
  for (const entry of entries) writer.add(entry);
  writer.finish();
  return Buffer.concat(parts);
}
