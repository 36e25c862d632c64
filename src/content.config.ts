// The journal enters Astro as content collections: runs and wins (a table per year each), the
// progression series wins point into, goals, the profile, and the journal stories (Markdown/MDX
// rendered by Astro).
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { runYears, winYears } from './lib/site/collections.ts';
import { WIN_FAMILIES, WIN_KINDS, WIN_UNITS } from './lib/model/kinds.ts';
import { journalLoader, storiesLoader } from './utils/journal-loader.ts';
import { isoDate, runRowSchema } from './utils/content-schemas.ts';

const winUnit = z.enum(WIN_UNITS);

// Runs are stored as a table per year (see runYears), each row in the order of RUN_ROW; getRuns()
// turns the rows back into runs.
const runYear = defineCollection({
  loader: journalLoader('runYear', (site) => runYears(site.runs).map(({ year, rows }) => ({ id: year, data: { rows } }))),
  schema: z.object({
    rows: z.array(runRowSchema),
  }),
});

// Wins too: a table per year (see winYears); getWins() turns the rows back into wins.
const winYear = defineCollection({
  loader: journalLoader('winYear', (site) => winYears(site.wins).map(({ year, rows }) => ({ id: year, data: { rows } }))),
  schema: z.object({
    rows: z.array(
      // In the order of WIN_COLUMNS.
      z.tuple([
        z.string(),
        z.enum(WIN_KINDS),
        z.enum(WIN_FAMILIES),
        isoDate,
        z.string(),
        z.number(),
        winUnit,
        z.object({ value: z.number(), date: isoDate, slug: z.string().nullable(), run: z.string().optional() }).nullable(),
        z.array(z.string()),
        z.string().nullable(),
        z.string().nullable(),
        z.number().nullable(),
        z.object({ seriesId: z.string(), upTo: z.number().int() }).nullable(),
        z.number().nullable(),
        z.boolean(),
      ]),
    ),
  }),
});

const series = defineCollection({
  loader: journalLoader('series', (site) => site.series.map((s) => ({ id: s.id, data: { ...s } }))),
  schema: z.object({
    id: z.string(),
    label: z.string(),
    unit: winUnit,
    lowerIsBetter: z.boolean(),
    period: z.enum(['week', 'month']).nullable(),
    points: z.array(z.object({ date: isoDate, value: z.number(), runId: z.string().nullable() })),
  }),
});

const goals = defineCollection({
  loader: journalLoader('goals', (site) =>
    site.goals.map(({ body, ...goal }) => ({ id: goal.slug, data: { ...goal }, markdown: body })),
  ),
  schema: z.object({
    slug: z.string(),
    title: z.string(),
    date: isoDate,
    distance: z.number(),
    elevation: z.number().nullable(),
    time: z.number().nullable().optional(),
    start: isoDate.nullable(),
  }),
});

const profile = defineCollection({
  loader: journalLoader('profile', (site) => {
    const { about, ...profile } = site.profile;
    return [{ id: 'profile', data: { ...profile }, markdown: about }];
  }),
  schema: z.object({
    name: z.string(),
    title: z.string(),
    site: z.string().nullable(),
    units: z.enum(['km', 'mi']),
    weekStart: z.enum(['monday', 'sunday']),
    timezone: z.string(),
    locale: z.string(),
    today: isoDate.nullable(),
  }),
});

// The runner's public week reflections, by ISO week (`2025-W44`); a private one is never stored.
const reflections = defineCollection({
  loader: journalLoader('reflections', (site) => site.reflections.map(({ week, title, body }) => ({ id: week, data: { title }, markdown: body }))),
  schema: z.object({ title: z.string().nullable() }),
});

// The rewards as published (see publishRewards): a private reward's words never get here. The id
// keeps their order: earned first, then the ones ahead.
const rewards = defineCollection({
  loader: journalLoader('rewards', (site) => site.rewards.map((reward, index) => ({ id: String(index).padStart(4, '0'), data: { ...reward } }))),
  schema: z.object({
    text: z.string().nullable(),
    kind: z.enum(WIN_KINDS),
    label: z.string(),
    win: z.string().nullable(),
    date: isoDate.nullable(),
    progress: z.string().nullable(),
    done: z.number().nullable(),
  }),
});

// Public stories only (a private story's files never reach Astro). Ids are paths inside the data
// folder without extension (`journal/2024-03-10-first-4k`), the same ids the reader gives `Run.storyId`.
const stories = defineCollection({
  loader: storiesLoader(),
  schema: z.looseObject({}),
});

export const collections = { runYear, winYear, series, goals, profile, rewards, stories, reflections };
