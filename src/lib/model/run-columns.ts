// A run's fields, spelled out once. The `Run` type, a draft's defaults (`emptyRunDraft`), the
// journal's column names, what a page may publish and the content store's row order and schema
// all follow from RUN_COLUMNS; a new field is a line here plus its parser (run-record.ts).
import type { Effort, IsoDate, SourceRef, Track } from '../types.ts';

/** What a column of each kind holds. */
export interface ColumnValues {
  /** Text every run has (its id). */
  text: string;
  /** A calendar day, `YYYY-MM-DD`. */
  date: IsoDate;
  'text?': string | null;
  /** Metres, > 0. */
  metres: number;
  'number?': number | null;
  flag: boolean;
  /** Yes, no, or not said. */
  'yes-no?': boolean | null;
  texts: readonly string[];
  efforts: readonly Effort[];
  'track?': Track | null;
  /** Columns the reader does not know, kept as written. */
  extra: Record<string, string>;
  source: SourceRef;
}

export type ColumnKind = keyof ColumnValues;

/**
 * Whether the content store, and so a page, gets the field: `yes`; `public` for a public run only
 * (a private run's is stored empty); `no`, never.
 */
export type Publish = 'yes' | 'public' | 'no';

export interface RunColumn {
  name: string;
  kind: ColumnKind;
  publish: Publish;
  /** A column of that name in `runs.csv` and a story's front matter (read by run-record.ts). */
  written: boolean;
}

export const RUN_COLUMNS = [
  // The date, plus `-N` for the N-th run of that day (N ≥ 2), ordered by start time, distance, source.
  { name: 'id', kind: 'text', publish: 'yes', written: false },
  { name: 'date', kind: 'date', publish: 'yes', written: true },
  // Local start time `HH:MM:SS` when known (written as part of `date`); orders runs within a day.
  { name: 'startTime', kind: 'text?', publish: 'yes', written: false },
  { name: 'distance', kind: 'metres', publish: 'yes', written: true },
  // Moving time, seconds.
  { name: 'time', kind: 'number?', publish: 'yes', written: true },
  { name: 'title', kind: 'text?', publish: 'public', written: true },
  // Free text, e.g. `easy`, `long`, `race`, `Trail Run`.
  { name: 'type', kind: 'text?', publish: 'yes', written: true },
  // Race name, when the run is a race.
  { name: 'race', kind: 'text?', publish: 'public', written: true },
  // True when `type` is `race` or a `race` name is given.
  { name: 'isRace', kind: 'flag', publish: 'yes', written: false },
  // Elevation gain, metres.
  { name: 'elevation', kind: 'number?', publish: 'yes', written: true },
  // Ran without walk breaks; null when the runner did not say.
  { name: 'nonstop', kind: 'yes-no?', publish: 'yes', written: true },
  // 1 (awful) – 5 (great).
  { name: 'feeling', kind: 'number?', publish: 'yes', written: true },
  // °C.
  { name: 'temperature', kind: 'number?', publish: 'yes', written: true },
  { name: 'tags', kind: 'texts', publish: 'public', written: true },
  // A small win the runner names themselves: published as its own win, never as the run's.
  { name: 'win', kind: 'text?', publish: 'no', written: true },
  { name: 'notes', kind: 'text?', publish: 'public', written: true },
  // Counts toward totals and wins; its title, notes and story are never published.
  { name: 'private', kind: 'flag', publish: 'yes', written: true },
  // Treadmill or virtual run: excluded from best efforts.
  { name: 'virtual', kind: 'flag', publish: 'yes', written: true },
  { name: 'extra', kind: 'extra', publish: 'no', written: false },
  { name: 'source', kind: 'source', publish: 'no', written: false },
  // Id of the journal story attached to this run, if any.
  { name: 'storyId', kind: 'text?', publish: 'public', written: false },
  // Best efforts found inside the run's stream; empty without a stream.
  { name: 'efforts', kind: 'efforts', publish: 'yes', written: false },
  // Already privacy-trimmed; a private run's route is never published, not even trimmed.
  { name: 'track', kind: 'track?', publish: 'public', written: false },
] as const satisfies readonly RunColumn[];

type Column = (typeof RUN_COLUMNS)[number];

/** A run: one property per column, of its kind's type. */
export type RunFields = { [C in Column as C['name']]: ColumnValues[C['kind']] };

/** The names of the columns a journal file may write. */
export type RunFieldName = Extract<Column, { written: true }>['name'];

/** The fields no page ever gets. */
export type UnpublishedField = Extract<Column, { publish: 'no' }>['name'];

/** Given once every run is read: the id (run-ids.ts) and the story (stories.ts). */
const ASSIGNED = ['id', 'storyId'] as const;
export type AssignedField = (typeof ASSIGNED)[number];

/** What every run must be given; every other field has its kind's default. */
type RequiredField = 'date' | 'distance' | 'source';

// Most runs have no tags, no unknown columns and no stream efforts. They share one frozen empty
// value each rather than three objects per run; writing to one throws.
export const NO_TEXTS: readonly string[] = Object.freeze([]);
export const NO_EXTRA = Object.freeze({}) as Record<string, string>;
export const NO_EFFORTS: readonly Effort[] = Object.freeze([]);

/** Each kind's value when a run does not have it, and what a private run shows for a `public` column. */
const EMPTY: { [K in Exclude<ColumnKind, 'text' | 'date' | 'metres' | 'source'>]: ColumnValues[K] } = {
  'text?': null,
  'number?': null,
  flag: false,
  'yes-no?': null,
  texts: NO_TEXTS,
  efforts: NO_EFFORTS,
  'track?': null,
  extra: NO_EXTRA,
};

/** The empty value of a column's kind; a kind every run has (an id, a date, a distance, a source) has none. */
export function emptyValue(column: RunColumn): unknown {
  if (!(column.kind in EMPTY)) throw new Error(`run column ${column.name} (${column.kind}) has no empty value`);
  return EMPTY[column.kind as keyof typeof EMPTY];
}

const DRAFT_COLUMNS = RUN_COLUMNS.filter((column) => !(ASSIGNED as readonly string[]).includes(column.name));

/** A run as read from a file: its date, distance and source, and every other field empty. */
export function emptyRunDraft(required: { [K in RequiredField]: RunFields[K] }): Omit<RunFields, AssignedField> {
  const draft: Record<string, unknown> = {};
  for (const column of DRAFT_COLUMNS) {
    draft[column.name] = column.name in required ? required[column.name as RequiredField] : emptyValue(column);
  }
  return draft as Omit<RunFields, AssignedField>;
}

/** The columns of `runs.csv` and a story's front matter, in the order a new `runs.csv` lists them. */
export const RUN_FIELDS: readonly RunFieldName[] = RUN_COLUMNS.filter((column) => column.written).map(
  (column) => column.name as RunFieldName,
);

/**
 * The written columns that hold free text (a title, notes, tags...), not a number, date or flag:
 * the cells a spreadsheet could take for a formula (see format/spreadsheet-text.ts).
 */
export const TEXT_RUN_FIELDS: ReadonlySet<string> = new Set(
  RUN_COLUMNS.filter((column) => column.written && (column.kind === 'text?' || column.kind === 'texts')).map((column) => column.name),
);

/** The columns the content store keeps for a run, in its rows' order (the earned wins follow them). */
export const PUBLISHED_RUN_COLUMNS: readonly RunColumn[] = RUN_COLUMNS.filter((column) => column.publish !== 'no');
