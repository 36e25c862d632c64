// Schemas the content collections share (src/content.config.ts), and a run row's, built from the
// row's columns (RUN_ROW, from RUN_COLUMNS): one schema per kind of column, checked against the
// kind's type.
import { z } from 'astro/zod';
import type { ColumnKind, ColumnValues } from '../lib/model/run-columns.ts';
import { RUN_ROW, type RunRow } from '../lib/site/collections.ts';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

type StoredKind = Exclude<ColumnKind, 'extra' | 'source'>;

const KIND_SCHEMA = {
  text: z.string(),
  date: isoDate,
  'text?': z.string().nullable(),
  metres: z.number().positive(),
  'number?': z.number().nullable(),
  flag: z.boolean(),
  'yes-no?': z.boolean().nullable(),
  texts: z.array(z.string()),
  efforts: z.array(z.object({ distance: z.number(), time: z.number(), startOffset: z.number() })),
  'track?': z.object({ points: z.array(z.tuple([z.number(), z.number()])), breaks: z.array(z.number().int()).optional() }).nullable(),
} satisfies { [K in StoredKind]: z.ZodType<ColumnValues[K]> };

function schemaOf(kind: ColumnKind): z.ZodType {
  if (!(kind in KIND_SCHEMA)) throw new Error(`a run column of kind ${kind} cannot be stored`);
  return KIND_SCHEMA[kind as StoredKind];
}

const [first, ...rest] = RUN_ROW.map((column) => schemaOf(column.kind));

/**
 * A run row: one value per column of RUN_ROW, in its order. The tuple's items are built from that
 * list, so its type is stated here: each item's schema is checked against its kind's type above.
 */
export const runRowSchema = z.tuple([first!, ...rest]) as unknown as z.ZodType<RunRow>;
