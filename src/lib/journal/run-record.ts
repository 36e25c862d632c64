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

/** A field as written: its name as the file spells it, its text, and the line a problem names. */
export interface RawField {
  name: string;
  text: string;
  line: number | null;
}

/** Fields by lowercased, trimmed name. */
export type RawRecord = Map<string, RawField>;

export const RUN_FIELDS = [
  'date',
  'distance',
  'time',
  'title',
  'type',
  'race',
  'elevation',
  'nonstop',
  'feeling',
  'temperature',
  'tags',
  'win',
  'notes',
  'private',
  'virtual',
] as const;

const KNOWN = new Set<string>(RUN_FIELDS);

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
  tags: string[];
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

export function parseRunRecord(record: RawRecord, ctx: RecordContext): { values: RunValues; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = (name: string): string | null => {
    const t = record.get(name)?.text.trim();
    return t === undefined || t === '' ? null : t;
  };
  const parsed = <T>(name: string, parse: (t: string) => Parsed<T>): T | null => {
    const t = text(name);
    if (t === null) return null;
    const result = parse(t);
    if (result.ok) return result.value;
    const field = record.get(name);
    problems.push(problem('error', { path: ctx.path, line: field?.line ?? ctx.line }, name, t, result.expected));
    return null;
  };
  const required = (name: string, expected: string): void => {
    if (text(name) === null) {
      problems.push(problem('error', { path: ctx.path, line: record.get(name)?.line ?? ctx.line }, name, '', expected));
    }
  };

  required('date', 'a date like 2025-03-14');
  if (ctx.requireDistance) required('distance', 'a distance like 5, 5k, 3.1 mi or 800 m');

  const extra: Record<string, string> = {};
  for (const [name, field] of record) {
    if (!KNOWN.has(name) && name !== '' && field.text !== '') extra[field.name.trim()] = field.text;
  }

  const values: RunValues = {
    date: parsed('date', parseDateTime),
    distance: parsed('distance', (t) => parseDistance(t, ctx.unit)),
    time: parsed('time', parseDuration),
    title: text('title'),
    type: text('type'),
    race: text('race'),
    elevation: parsed('elevation', parseElevation),
    nonstop: parsed('nonstop', parseBoolean),
    feeling: parsed('feeling', parseFeeling),
    temperature: parsed('temperature', parseTemperature),
    tags: parseTags(text('tags') ?? ''),
    win: text('win'),
    notes: text('notes'),
    private: parsed('private', parseBoolean),
    virtual: parsed('virtual', parseBoolean),
    extra,
  };
  return { values, problems };
}

const VIRTUAL_TYPE = /treadmill|virtual/i;

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
    tags: values.tags,
    win: values.win,
    notes: values.notes,
    private: values.private ?? false,
    virtual: values.virtual ?? (values.type !== null && VIRTUAL_TYPE.test(values.type)),
    extra: values.extra,
    source,
    efforts: [],
    track: null,
  };
}
