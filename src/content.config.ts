// The journal enters Astro as content collections: runs, wins, the progression series they point
// into, goals, the profile, and the journal stories (Markdown/MDX rendered by Astro).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { storedRun } from './lib/site/collections.ts';
import { dataDir, journalLoader } from './utils/journal-loader.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const winUnit = z.enum(['m', 's', 'days', 'weeks', 'runs', 'years', 'percent', 'C', 'E']);

// Runs are stored sparse (no id, no field at its default: see storedRun); getRuns() restores them.
const runs = defineCollection({
  loader: journalLoader('runs', (site) => site.runs.map((run) => ({ id: run.id, data: { ...storedRun(run) } }))),
  schema: z.strictObject({
    date: isoDate,
    startTime: z.string().optional(),
    distance: z.number().positive(),
    time: z.number().optional(),
    title: z.string().optional(),
    type: z.string().optional(),
    race: z.string().optional(),
    isRace: z.literal(true).optional(),
    elevation: z.number().optional(),
    nonstop: z.boolean().optional(),
    feeling: z.number().optional(),
    temperature: z.number().optional(),
    tags: z.array(z.string()).optional(),
    notes: z.string().optional(),
    private: z.literal(true).optional(),
    virtual: z.literal(true).optional(),
    storyId: z.string().optional(),
    wins: z.array(z.string()).optional(),
    efforts: z.array(z.object({ distance: z.number(), time: z.number(), startOffset: z.number() })).optional(),
    // Already privacy-trimmed; absent for a private run and a run without GPS.
    track: z.object({ points: z.array(z.tuple([z.number(), z.number()])), breaks: z.array(z.number().int()).optional() }).optional(),
  }),
});

const wins = defineCollection({
  loader: journalLoader('wins', (site) => site.wins.map((win) => ({ id: win.slug, data: { ...win } }))),
  schema: z.object({
    slug: z.string(),
    kind: z.string(),
    family: z.enum(['distance', 'speed', 'volume', 'consistency', 'resilience', 'race', 'goal', 'personal']),
    date: isoDate,
    title: z.string(),
    value: z.number(),
    unit: winUnit,
    previous: z.object({ value: z.number(), date: isoDate, slug: z.string().nullable() }).nullable(),
    runs: z.array(z.string()),
    rung: z.string().nullable(),
    goal: z.string().nullable(),
    daysSincePrevious: z.number().nullable(),
    progression: z.object({ seriesId: z.string(), upTo: z.number().int() }).nullable(),
    effortOffset: z.number().nullable(),
  }),
});

const series = defineCollection({
  loader: journalLoader('series', (site) => site.series.map((s) => ({ id: s.id, data: { ...s } }))),
  schema: z.object({
    id: z.string(),
    label: z.string(),
    unit: winUnit,
    lowerIsBetter: z.boolean(),
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

// Story ids are paths inside the data folder without extension (`journal/2024-03-10-first-4k`), the
// same ids the reader gives `Run.storyId`.
const stories = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: `${dataDir}/journal`,
    generateId: ({ entry }) => `journal/${entry.replace(/\.mdx?$/, '')}`,
  }),
  schema: z.looseObject({}),
});

export const collections = { runs, wins, series, goals, profile, stories };
