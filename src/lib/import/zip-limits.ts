// What an archive may hold before it is refused as a zip bomb. An export is mostly small activity
// files; Garmin's nests archives of them, which may be large but compress little.

export interface ZipLimits {
  /** Largest inflated activity file or CSV. */
  entryBytes: number;
  /** Largest inflated archive nested inside another. */
  nestedBytes: number;
  /** Everything inflated from one archive, nested ones included. */
  totalBytes: number;
  /** Largest inflated / compressed ratio of one entry (above `ratioFloorBytes`). */
  ratio: number;
  /** Entries smaller than this are not held to the ratio: tiny files compress oddly well. */
  ratioFloorBytes: number;
  /** Most entries one archive may list (a Garmin export's largest part holds thousands). */
  entries: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  entryBytes: 256 * MB,
  nestedBytes: 8 * 1024 * MB,
  totalBytes: 32 * 1024 * MB,
  ratio: 200,
  ratioFloorBytes: MB,
  entries: 100_000,
};

/** The user's mistake or a hostile archive: printed as one line naming the file, never a stack trace. */
export class ImportInputError extends Error {}

/** An archive nested deeper than an export nests them: that archive is passed over, the export read on. */
export class ArchiveTooDeep extends ImportInputError {
  static readonly reason = 'an archive inside an archive inside an archive: not read (exports nest archives one level deep)';
}
