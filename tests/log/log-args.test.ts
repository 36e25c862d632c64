import { describe, expect, it } from 'vitest';
import { parseLogArgs } from '../../src/lib/log/log-args.ts';

function values(args: string[]): Record<string, string> {
  const result = parseLogArgs(args);
  if (!result.ok) throw new Error(result.error);
  return result.request.values;
}

function error(args: string[]): string {
  const result = parseLogArgs(args);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(result.request)}`);
  return result.error;
}

describe('parseLogArgs', () => {
  it('reads the positional form of the README', () => {
    expect(values(['2026-11-20', '10.2km', '52:10', 'Easy river loop', '--feeling', '2', '--nonstop'])).toEqual({
      date: '2026-11-20',
      distance: '10.2km',
      time: '52:10',
      title: 'Easy river loop',
      feeling: '2',
      nonstop: 'yes',
    });
  });

  it('reads the same with named flags', () => {
    expect(
      values(['--date', '2026-11-20', '--distance', '10.2km', '--time=52:10', '--title', 'Easy river loop', '--feeling', '2', '--nonstop']),
    ).toEqual({ date: '2026-11-20', distance: '10.2km', time: '52:10', title: 'Easy river loop', feeling: '2', nonstop: 'yes' });
  });

  it.each([
    [['5k'], { distance: '5k' }],
    [['5k', '25:01'], { distance: '5k', time: '25:01' }],
    [['5k', 'Park', 'run'], { distance: '5k', title: 'Park run' }],
    [['2026-02-30', '5'], { date: '2026-02-30', distance: '5' }],
    [['20/11/2026', '5'], { date: '20/11/2026', distance: '5' }],
    [['5k', 'Easy river loop'], { distance: '5k', title: 'Easy river loop' }],
    // One word after the distance is its time, read (and refused) as one: never a title.
    [['2026-12-01', '5', 'abc'], { date: '2026-12-01', distance: '5', time: 'abc' }],
    [['5', '52.10'], { distance: '5', time: '52.10' }],
    // A word before a distance is a date, however mistyped.
    [['yesterday', '5', 'abc'], { date: 'yesterday', distance: '5', time: 'abc' }],
    // A slot given by its flag is skipped.
    [['2026-12-01', '--distance', '5km'], { date: '2026-12-01', distance: '5km' }],
    [['2026-12-01', '--distance', '5km', '25:00', 'Park', 'run'], { date: '2026-12-01', distance: '5km', time: '25:00', title: 'Park run' }],
    [['5k', 'Tempo', '--time', '25:00'], { distance: '5k', time: '25:00', title: 'Tempo' }],
  ])('positionals %j: date and time recognised by shape and place', (args, expected) => {
    expect(values(args)).toEqual(expected);
  });

  it('keeps every column flag as typed, negative numbers included', () => {
    expect(
      values(['8', '--type', 'race', '--race', 'Harbour 10K', '--elevation', '120 m', '--temperature', '-3', '--notes', 'icy', '--win', 'Ran in the snow', '--tags', 'winter;race', '--private', '--no-nonstop']),
    ).toEqual({
      distance: '8',
      type: 'race',
      race: 'Harbour 10K',
      elevation: '120 m',
      temperature: '-3',
      notes: 'icy',
      win: 'Ran in the snow',
      tags: 'winter;race',
      private: 'yes',
      nonstop: 'no',
    });
  });

  it('reads the command options', () => {
    const result = parseLogArgs(['5', '--data', 'my-journal', '--file', 'my-journal/2026.csv', '--story', '--json']);
    expect(result.ok && result.request).toMatchObject({ data: 'my-journal', file: 'my-journal/2026.csv', story: true, json: true });
  });

  it.each([
    [['--title', 'x'], /a distance is needed/],
    [['2026-11-20'], /a distance is needed after the date/],
    [['5', '--distance', '6'], /distance is given twice/],
    [['5', '--speed', '12'], /Unknown option '--speed'/],
    [['5', '--nonstop=maybe'], /does not take an argument/],
  ])('refuses %j', (args, message) => {
    expect(error(args)).toMatch(message);
  });
});
