// One run's fields, as read from a CSV row or a front matter, validated into a RunDraft.
import type { DistanceUnit, Problem, RunDraft, SourceRef } from '../types.ts';
import {
  parseBoolean,
  parseDateTime,
  parseDistance,
  parseDuration,
  parseElevation,
  parseFeeling,
  parseTags,
  parseTemperature,
  type DateTime,
  type Parsed,
} from './fields.ts';
import { problem } from './problems.ts';
import { NO_EFFORTS, NO_EXTRA, NO_TEXTS, RUN_FIELDS, type RunFieldName } from '../model/run-columns.ts';

/** A field as written: its name as the file spells it, its text, and the line a problem names. */
export interface RawField {
  name: string;
  text: string;
  line: number | null;
}

/** Fields by lowercased, trimmed name. */
export type RawRecord = Map<string, RawField>;

/**
 * What `parseRunRecord` reads a record through: a front matter's fields (a `RawRecord`), or a CSV
 * row read in place, so a 100,000-row file allocates no object per cell.
 */
export interface FieldSource {
  /** The field's text as written; undefined when the record has no such field. */
  text(name: RunFieldName): string | undefined;
  /** The line a problem with the field names; null for the record's own line. */
  line(name: string): number | null;
  /** The fields that are not run fields (kept as `extra`), by their name as written, non-empty (`NO_EXTRA` for none). */
  unknown(): Record<string, string>;
}

export function mapFieldSource(record: RawRecord): FieldSource {
  return {
    text: (name) => record.get(name)?.text,
    line: (name) => record.get(name)?.line ?? null,
    unknown() {
      const extra: Record<string, string> = {};
      for (const [name, field] of record) {
        if (!KNOWN_RUN_FIELDS.has(name) && name !== '' && field.text !== '') extra[field.name.trim()] = field.text;
      }
      return extra;
    },
  };
}

export const KNOWN_RUN_FIELDS: ReadonlySet<string> = new Set<string>(RUN_FIELDS);

/** Every run field, each null when absent or invalid. */
export interface RunValues {
  date: DateTime | null;
  distance: number | null;
  time: number | null;
  title: string | null;
  type: string | null;
  race: string | null;
  elevation: number | null;
  nonstop: boolean | null;
  feeling: number | null;
  temperature: number | null;
  tags: readonly string[];
  win: string | null;
  notes: string | null;
  private: boolean | null;
  virtual: boolean | null;
  extra: Record<string, string>;
}

export interface RecordContext {
  path: string;
  /** The line naming a missing field (the CSV record's line, or the front matter's first line). */
  line: number | null;
  unit: DistanceUnit;
  requireDistance: boolean;
}

export function canonicalFieldName(name: string): string {
  return name.trim().toLowerCase();
}

/** The field's trimmed text; null when absent or blank. */
function fieldText(record: FieldSource, name: RunFieldName): string | null {
  const t = record.text(name);
  if (t === undefined || t === '') return null;
  const trimmed = t.trim();
  return trimmed === '' ? null : trimmed;
}

/** Where one record's problems go. One per record: no closure per field of every row. */
interface ProblemSink {
  record: FieldSource;
  ctx: RecordContext;
  problems: Problem[];
}

function report(sink: ProblemSink, name: string, value: string, expected: string): void {
  sink.problems.push(problem('error', { path: sink.ctx.path, line: sink.record.line(name) ?? sink.ctx.line }, name, value, expected));
}

/** The value of a parsed field, or null with a problem naming what was expected. */
function valueOf<T>(sink: ProblemSink, name: string, text: string | null, result: Parsed<T> | null): T | null {
  if (text === null || result === null) return null;
  if (result.ok) return result.value;
  report(sink, name, text, result.expected);
  return null;
}

/** The record's run fields; what is wrong with them goes to `problems` (one per field, all of them). */
export function parseRunRecord(record: FieldSource, ctx: RecordContext, problems: Problem[]): RunValues {
  const sink: ProblemSink = { record, ctx, problems };
  const date = fieldText(record, 'date');
  const distance = fieldText(record, 'distance');
  const time = fieldText(record, 'time');
  const elevation = fieldText(record, 'elevation');
  const nonstop = fieldText(record, 'nonstop');
  const feeling = fieldText(record, 'feeling');
  const temperature = fieldText(record, 'temperature');
  const isPrivate = fieldText(record, 'private');
  const isVirtual = fieldText(record, 'virtual');
  const tags = fieldText(record, 'tags');
  if (date === null) report(sink, 'date', '', 'a date like 2025-03-14');
  if (ctx.requireDistance && distance === null) report(sink, 'distance', '', 'a distance like 5, 5k, 3.1 mi or 800 m');

  const extra = record.unknown();

  const values: RunValues = {
    date: valueOf(sink, 'date', date, date === null ? null : parseDateTime(date)),
    distance: valueOf(sink, 'distance', distance, distance === null ? null : parseDistance(distance, ctx.unit)),
    time: valueOf(sink, 'time', time, time === null ? null : parseDuration(time)),
    title: fieldText(record, 'title'),
    type: fieldText(record, 'type'),
    race: fieldText(record, 'race'),
    elevation: valueOf(sink, 'elevation', elevation, elevation === null ? null : parseElevation(elevation)),
    nonstop: valueOf(sink, 'nonstop', nonstop, nonstop === null ? null : parseBoolean(nonstop)),
    feeling: valueOf(sink, 'feeling', feeling, feeling === null ? null : parseFeeling(feeling)),
    temperature: valueOf(sink, 'temperature', temperature, temperature === null ? null : parseTemperature(temperature)),
    tags: tags === null ? NO_TEXTS : parseTags(tags),
    win: fieldText(record, 'win'),
    notes: fieldText(record, 'notes'),
    private: valueOf(sink, 'private', isPrivate, isPrivate === null ? null : parseBoolean(isPrivate)),
    virtual: valueOf(sink, 'virtual', isVirtual, isVirtual === null ? null : parseBoolean(isVirtual)),
    extra,
  };
  return values;
}

const VIRTUAL_TYPE = /treadmill|virtual/i;

function hasKeys(record: Record<string, string>): boolean {
  for (const _ in record) return true;
  return false;
}

/** A draft when the run has its date and distance; null otherwise (the problems say why). */
export function toRunDraft(values: RunValues, source: SourceRef): RunDraft | null {
  if (values.date === null || values.distance === null) return null;
  return {
    date: values.date.date,
    startTime: values.date.startTime,
    distance: values.distance,
    time: values.time,
    title: values.title,
    type: values.type,
    race: values.race,
    isRace: values.race !== null || values.type?.trim().toLowerCase() === 'race',
    elevation: values.elevation,
    nonstop: values.nonstop,
    feeling: values.feeling,
    temperature: values.temperature,
    tags: values.tags.length > 0 ? values.tags : NO_TEXTS,
    win: values.win,
    notes: values.notes,
    private: values.private ?? false,
    virtual: values.virtual ?? (values.type !== null && VIRTUAL_TYPE.test(values.type)),
    extra: hasKeys(values.extra) ? values.extra : NO_EXTRA,
    source,
    efforts: NO_EFFORTS,
    track: null,
  };
}
