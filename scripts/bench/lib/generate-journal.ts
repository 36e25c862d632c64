// Synthetic journals for the benchmark: seeded, reproducible, and shaped like real running —
// a beginner's run/walk start, four-week training blocks with a rest week, injuries and the
// comeback after them, races at the end of blocks, a goal, and stories for some runs — written in
// the journal format of docs/journal.md (runs.csv, journal/*.md, goals/*.md, profile.md).
import Papa from 'papaparse';
import { stringify } from 'yaml';
import type { IsoDate } from '../../../src/lib/types.ts';
import { addDays, dayNumber } from '../../../src/lib/format/dates.ts';
import { formatDuration } from '../../../src/lib/format/units.ts';
import { slugify } from '../../../src/lib/format/slug.ts';
import { createRandom, type Random } from './random.ts';

export interface GenerateOptions {
  runs: number;
  seed: number;
  /** The first run's day (a Monday keeps weeks aligned, but any day works). */
  startDate: IsoDate;
  /** Span to spread the runs over; default: as long as a five-runs-a-week runner needs. */
  years?: number;
}

/** One file of the journal, `path` relative to the journal folder. */
export interface JournalFile {
  path: string;
  text: string;
}

/** What was generated, for tests and reports (the files are the product). */
export interface JournalSummary {
  runs: number;
  firstDate: IsoDate;
  lastDate: IsoDate;
  races: number;
  /** Injury breaks: the last run before and the first run after. */
  breaks: Array<{ from: IsoDate; to: IsoDate }>;
  stories: number;
  totalDistance: number;
}

export interface GeneratedJournal {
  /** `runs.csv`. */
  csv: string;
  stories: JournalFile[];
  goal: JournalFile;
  /** `profile.md`. */
  profile: string;
  summary: JournalSummary;
}

/** The CSV columns, in the order a runner might keep them. */
export const CSV_COLUMNS = [
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
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Record<Column, string>;

interface Training {
  /** 0 = couch, 1 = the runner's ceiling; grows with training, shrinks when injured. */
  fitness: number;
  weekInBlock: number;
  injuredWeeks: number;
  comebackWeeks: number;
}

interface PlannedRun {
  kind: 'easy' | 'long' | 'tempo' | 'intervals' | 'recovery' | 'race';
  raceDistance?: number;
}

const RUNS_PER_WEEK_DEFAULT = 5;
const WEEKS_PER_YEAR = 365.25 / 7;
const BLOCK_WEEKS = 4;
/** The average of planWeek's volume factors over a block (three full weeks and a 0.6 rest week). */
const MEAN_VOLUME = 0.9;
const RACE_DISTANCES = [5000, 10_000, 21_097.5, 42_195];
const RACE_NAMES = ['Riverside', 'City', 'Harbour', 'Forest', 'Spring', 'Autumn', 'Night', 'Park'];
const TAGS = ['river', 'hills', 'track', 'trail', 'with friends', 'rain', 'early', 'dog'];
const OWN_WINS = [
  'Ran the whole bridge hill',
  'Out the door in the rain',
  'Kept it easy like the plan said',
  'First run with the club',
  'Negative split',
  'Ran to work',
];
const NOTES = [
  'Legs heavy, went anyway.',
  'Felt smooth, could have gone on.',
  'Windy on the way back, "character building".',
  'Slow start, strong finish',
  'Too hot, walked the hill.',
  'Busy day, short and sweet.',
];

export function generateJournal(options: GenerateOptions): GeneratedJournal {
  const random = createRandom(options.seed);
  const years = options.years ?? options.runs / (RUNS_PER_WEEK_DEFAULT * WEEKS_PER_YEAR);
  const totalWeeks = Math.max(1, Math.round(years * WEEKS_PER_YEAR));
  const runsPerWeek = options.runs / totalWeeks;
  const training: Training = { fitness: 0.03, weekInBlock: 0, injuredWeeks: 0, comebackWeeks: 0 };
  const rows: Row[] = [];
  const stories: JournalFile[] = [];
  const breaks: JournalSummary['breaks'] = [];
  let races = 0;
  let totalDistance = 0;
  let hadBreak = false;
  let breakStart: IsoDate | null = null;
  let week = 0;

  while (rows.length < options.runs) {
    const weekStart = addDays(options.startDate, week * 7);
    week += 1;
    if (training.injuredWeeks > 0) {
      training.injuredWeeks -= 1;
      training.fitness = Math.max(0.05, training.fitness - 0.03);
      continue;
    }
    // An injury now and then; a long journal always has at least one, halfway through.
    const forceBreak = !hadBreak && rows.length >= options.runs / 2 && options.runs >= 40;
    if (week > 8 && (forceBreak || random.chance(0.015))) {
      training.injuredWeeks = random.int(2, 6) - 1;
      training.comebackWeeks = 4;
      training.weekInBlock = 0;
      hadBreak = true;
      breakStart = rows.at(-1)?.date.slice(0, 10) ?? null;
      continue;
    }

    // Steer toward the requested span: what is left spread over the weeks that are left.
    const weeksLeft = Math.max(1, totalWeeks - week + 1);
    const target = Math.max(runsPerWeek * 0.5, (options.runs - rows.length) / weeksLeft) / MEAN_VOLUME;
    const plan = planWeek(training, target, week, random);
    const days = spreadOverWeek(plan.length, random);
    const weekRows: Array<{ row: Row; kind: PlannedRun['kind']; alone: boolean }> = [];
    plan.forEach((planned, i) => {
      const day = days[i];
      if (day === undefined) return;
      const sameDay = days.filter((d) => d.day === day.day).length;
      const date = addDays(weekStart, day.day);
      weekRows.push({ row: runRow(planned, date, sameDay > 1 ? day.time : null, training, random), kind: planned.kind, alone: sameDay === 1 });
    });
    weekRows.sort((a, b) => (a.row.date < b.row.date ? -1 : a.row.date > b.row.date ? 1 : 0));
    for (const { row, kind, alone } of weekRows) {
      if (rows.length >= options.runs) break;
      if (breakStart !== null) {
        breaks.push({ from: breakStart, to: row.date.slice(0, 10) });
        breakStart = null;
      }
      rows.push(row);
      totalDistance += Number(row.distance) * 1000;
      if (kind === 'race') races += 1;
      if (alone && random.chance(0.03)) stories.push(storyFor(row, random));
    }

    training.fitness += 0.012 * (1 - training.fitness);
    training.weekInBlock = (training.weekInBlock + 1) % BLOCK_WEEKS;
    if (training.comebackWeeks > 0) training.comebackWeeks -= 1;
  }

  const first = rows[0];
  const last = rows.at(-1);
  const firstDate = first ? first.date.slice(0, 10) : options.startDate;
  const lastDate = last ? last.date.slice(0, 10) : options.startDate;
  return {
    csv: Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) }, { newline: '\n' }) + '\n',
    stories,
    goal: goalFile(firstDate, lastDate, training.fitness),
    profile: profileFile(options.seed),
    summary: { runs: rows.length, firstDate, lastDate, races, breaks, stories: stories.length, totalDistance },
  };
}

/** Every file of the journal, paths relative to the journal folder. */
export function journalFiles(journal: GeneratedJournal): JournalFile[] {
  return [
    { path: 'runs.csv', text: journal.csv },
    { path: 'profile.md', text: journal.profile },
    journal.goal,
    ...journal.stories,
  ];
}

/** One more run (a CSV record with its newline) the day after the journal's last run, to append. */
export function nextRunRecord(journal: GeneratedJournal, seed: number): string {
  const random = createRandom(seed);
  const date = addDays(journal.summary.lastDate, 1);
  const training: Training = { fitness: 0.6, weekInBlock: 0, injuredWeeks: 0, comebackWeeks: 0 };
  const row = runRow({ kind: 'easy' }, date, null, training, random);
  return Papa.unparse([CSV_COLUMNS.map((c) => row[c])], { newline: '\n' }) + '\n';
}

function planWeek(training: Training, runsPerWeek: number, week: number, random: Random): PlannedRun[] {
  const beginner = training.fitness < 0.15;
  const restWeek = training.weekInBlock === BLOCK_WEEKS - 1;
  const comeback = training.comebackWeeks > 0 ? 1 - training.comebackWeeks * 0.15 : 1;
  const volume = (restWeek ? 0.6 : 1) * comeback * (beginner ? 0.6 : 1) * (0.85 + 0.3 * random.next());
  const count = Math.max(1, Math.round(runsPerWeek * volume));
  const plan: PlannedRun[] = [];
  // Races close a block, in the rest week, once the runner has some base (always one in week 12).
  const race = restWeek && !beginner && (week === 12 || random.chance(0.6));
  for (let i = 0; i < count; i++) {
    if (i === 0) plan.push(race ? { kind: 'race', raceDistance: raceDistanceFor(training, random) } : { kind: 'long' });
    else if (i === 1 && count >= 3 && !restWeek && !beginner) plan.push({ kind: random.chance(0.5) ? 'tempo' : 'intervals' });
    // A midweek 5K race series some weeks (a parkrun-like habit): most PBs are set there.
    else if (i === 2 && !restWeek && !beginner && random.chance(0.3)) plan.push({ kind: 'race', raceDistance: 5000 });
    else if (i >= 7) plan.push({ kind: 'recovery' });
    else plan.push({ kind: 'easy' });
  }
  return plan;
}

function raceDistanceFor(training: Training, random: Random): number {
  const longest = training.fitness > 0.6 ? 4 : training.fitness > 0.4 ? 3 : 2;
  return RACE_DISTANCES[random.int(0, longest - 1)] ?? 5000;
}

/** Days 0–6 of the week for `count` runs: the first (long run or race) on Sunday, doubles past seven. */
function spreadOverWeek(count: number, random: Random): Array<{ day: number; time: string }> {
  const order = [6, 1, 3, 5, 2, 4, 0];
  const days: Array<{ day: number; time: string }> = [];
  for (let i = 0; i < count; i++) {
    const day = order[i % 7] ?? 0;
    const evening = i >= 7;
    const hour = evening ? random.int(17, 20) : random.int(6, 8);
    days.push({ day, time: `${String(hour).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}` });
  }
  return days;
}

function runRow(planned: PlannedRun, date: IsoDate, time: string | null, training: Training, random: Random): Row {
  const f = training.fitness;
  const beginner = f < 0.15;
  const temperature = seasonalTemperature(date, random);
  let distance: number;
  let pace: number; // seconds per km
  const easyPace = 430 - 140 * f;
  switch (planned.kind) {
    case 'race':
      distance = (planned.raceDistance ?? 5000) * random.between(1, 1.008);
      pace = easyPace - 70 + 12 * Math.log2(distance / 5000);
      break;
    case 'long':
      distance = (beginner ? 2500 + 12_000 * f : 7000 + 22_000 * f) * random.between(0.9, 1.1);
      pace = easyPace + 10;
      break;
    case 'tempo':
      distance = (5000 + 6000 * f) * random.between(0.9, 1.1);
      pace = easyPace - 45;
      break;
    case 'intervals':
      distance = (5000 + 4000 * f) * random.between(0.9, 1.1);
      pace = easyPace - 30;
      break;
    case 'recovery':
      distance = random.between(3000, 6000);
      pace = easyPace + 25;
      break;
    default:
      distance = (beginner ? 1500 + 15_000 * f : 4000 + 8000 * f) * random.between(0.8, 1.2);
      pace = easyPace;
  }
  if (training.comebackWeeks > 0) distance *= 0.7;
  if (temperature > 24) pace *= 1 + (temperature - 24) * 0.01;
  pace *= 1 + 0.025 * random.normal();
  distance = Math.round(distance / 10) * 10;
  const seconds = Math.round((distance / 1000) * pace);
  const raceName = planned.kind === 'race' ? `${random.pick(RACE_NAMES)} ${raceLabel(planned.raceDistance ?? 5000)}` : '';
  const badDay = random.chance(0.09);
  return {
    date: time === null ? date : `${date}T${time}`,
    distance: (distance / 1000).toFixed(2),
    time: formatDuration(seconds),
    title: raceName || titleFor(planned.kind, random),
    type: planned.kind,
    race: raceName,
    elevation: String(Math.round((distance / 1000) * random.between(2, planned.kind === 'long' ? 30 : 15))),
    nonstop: beginner ? (random.chance(f * 5) ? 'yes' : 'no') : random.chance(0.2) ? 'yes' : '',
    feeling: random.chance(0.7) ? String(badDay ? random.int(1, 2) : random.int(3, 5)) : '',
    temperature: String(Math.round(temperature)),
    tags: random.chance(0.3) ? [random.pick(TAGS), random.pick(TAGS)].filter((t, i, all) => all.indexOf(t) === i).join(';') : '',
    win: random.chance(0.05) ? random.pick(OWN_WINS) : '',
    notes: badDay ? 'Did not want to go. Went anyway.' : random.chance(0.15) ? random.pick(NOTES) : '',
    private: random.chance(0.01) ? 'yes' : '',
  };
}

function raceLabel(distance: number): string {
  if (distance === 5000) return '5K';
  if (distance === 10_000) return '10K';
  if (distance < 30_000) return 'Half Marathon';
  return 'Marathon';
}

function titleFor(kind: PlannedRun['kind'], random: Random): string {
  const titles: Record<PlannedRun['kind'], string[]> = {
    easy: ['Easy run', 'River loop', 'Morning miles', 'Park laps', 'Easy with strides'],
    long: ['Long run', 'Sunday long run', 'Long and slow', 'Trail long run'],
    tempo: ['Tempo', 'Threshold run', 'Steady tempo'],
    intervals: ['Intervals', '6 x 800 m', 'Hill repeats', 'Track session'],
    recovery: ['Recovery jog', 'Evening shakeout'],
    race: ['Race'],
  };
  return random.pick(titles[kind]);
}

/** Northern-hemisphere seasons: cold January, warm July. */
function seasonalTemperature(date: IsoDate, random: Random): number {
  const dayOfYear = dayNumber(date) - dayNumber(`${date.slice(0, 4)}-01-01`);
  return 11 - 10 * Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365.25) + 3 * random.normal();
}

function storyFor(row: Row, random: Random): JournalFile {
  const date = row.date.slice(0, 10);
  const front = stringify({ date, title: row.title });
  const paragraphs = [
    `Out the door at ${row.date.length > 10 ? row.date.slice(11) : 'first light'}, ${row.distance} km on the plan.`,
    random.pick([
      'The first kilometre always lies. By the third the legs remembered what they are for.',
      'Wind from the west, so the hard part came first and the way home felt like flying.',
      'I nearly turned back at the bridge. I am glad I did not.',
      'Company today, and the kilometres went by in conversation.',
    ]),
    random.pick(['Small win: I kept it honest.', 'Writing it down so I remember this one.', 'More of these, please.']),
  ];
  return { path: `journal/${date}-${slugify(row.title)}.md`, text: `---\n${front}---\n\n${paragraphs.join('\n\n')}\n` };
}

function goalFile(firstDate: IsoDate, lastDate: IsoDate, fitness: number): JournalFile {
  const distance = fitness > 0.5 ? '42.2 km' : '21.1 km';
  const title = fitness > 0.5 ? 'Lakeside Marathon' : 'Lakeside Half Marathon';
  const start = addDays(lastDate, -112) > firstDate ? addDays(lastDate, -112) : firstDate;
  const front = stringify({ title, date: addDays(lastDate, 56), distance, elevation: 180, start });
  return {
    path: `goals/${slugify(title)}.md`,
    text: `---\n${front}---\n\nThe race I signed up for on a good day. Sixteen weeks to make it a good race day too.\n`,
  };
}

function profileFile(seed: number): string {
  const front = stringify({
    name: 'Sam Rivers',
    title: 'Small wins, one run at a time',
    site: 'https://runner.example',
    units: 'km',
    week_start: 'monday',
    timezone: 'Europe/Berlin',
    locale: 'en',
  });
  return `---\n${front}---\n\nA synthetic runner for the benchmark (seed ${seed}).\n`;
}
