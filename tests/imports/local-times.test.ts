// Times written without a zone (some apps' GPX and TCX) are the runner's wall clock: they are placed
// in the journal's time zone, never the computer's, so every machine gives the same run.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readActivityFile } from '../../src/lib/journal/imports/activity-file.ts';
import { draftFromSummary, settleLocalTimes } from '../../src/lib/journal/imports/activity.ts';
import { parseGpx } from '../../src/lib/journal/imports/gpx.ts';
import { parseTcx } from '../../src/lib/journal/imports/tcx.ts';
import { isZoneless, timeOf } from '../../src/lib/journal/imports/xml-elements.ts';
import { freshJournal, importInto } from '../import/journals.ts';
import { FIXTURES } from './helpers.ts';

const MACHINE_ZONES = ['America/New_York', 'Asia/Tokyo', 'UTC'] as const;
const machineZone = process.env.TZ;
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

let root: string;
let zonelessGpx: string;
let zonelessTcx: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'local-times-'));
  // The fixtures as an app that writes its wall clock would: `07:00:00`, no `Z`.
  zonelessGpx = (await readFile(join(FIXTURES, 'splits-3k.gpx'), 'utf8')).replace(/(\d{2}:\d{2}:\d{2})Z</g, '$1<');
  zonelessTcx = (await readFile(join(FIXTURES, 'short.tcx'), 'utf8')).replace(/(\d{2}:\d{2}:\d{2})Z/g, '$1');
  await writeFile(join(root, 'wall-clock.gpx'), zonelessGpx);
  await writeFile(join(root, 'wall-clock.tcx'), zonelessTcx);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a time without a zone', () => {
  it('is told apart from UTC and offset times', () => {
    expect(isZoneless('2024-03-10T07:00:00')).toBe(true);
    expect(isZoneless('2024-03-10 07:00:00.250')).toBe(true);
    expect(isZoneless('2024-03-10T07:00:00Z')).toBe(false);
    expect(isZoneless('2024-03-10T08:00:00+01:00')).toBe(false);
    expect(isZoneless('2024-03-10T02:00:00-0500')).toBe(false);
    expect(timeOf('2024-03-10T08:00:00+01:00')).toBe(Date.UTC(2024, 2, 10, 7));
  });

  it('reads as its wall clock whatever zone the computer is in', () => {
    for (const zone of MACHINE_ZONES) {
      process.env.TZ = zone;
      expect(timeOf('2024-03-10T07:00:00')).toBe(Date.UTC(2024, 2, 10, 7));
      const gpx = parseGpx(zonelessGpx).activity;
      expect(gpx.localTimes).toBe(true);
      expect(gpx.samples[0]!.time).toBe(Date.UTC(2024, 2, 10, 7));
      const tcx = parseTcx(zonelessTcx).activity;
      expect(tcx.localTimes).toBe(true);
      expect(tcx.start).toBe(Date.UTC(2024, 3, 2, 17, 30));
    }
  });

  it("is placed in the journal's time zone: the same date, start and instant on every computer", async () => {
    const drafts = [];
    for (const zone of MACHINE_ZONES) {
      process.env.TZ = zone;
      const { summary } = await readActivityFile(join(root, 'wall-clock.gpx'), 500, null);
      const settled = settleLocalTimes(summary!, 'Europe/Berlin');
      // 07:00 in Berlin in March (UTC+1) is 06:00 UTC.
      expect(settled.start).toBe(Date.UTC(2024, 2, 10, 6));
      expect(settled.utcOffset).toBe(3600);
      expect(settled.localTimes).toBeUndefined();
      drafts.push(draftFromSummary(summary!, { path: 'data/wall-clock.gpx', line: null, kind: 'gpx' }, 'Europe/Berlin'));
    }
    expect(drafts[0]).toMatchObject({ date: '2024-03-10', startTime: '07:00:00', time: 820 });
    expect(drafts[1]).toEqual(drafts[0]);
    expect(drafts[2]).toEqual(drafts[0]);
    // The same wall clock in Auckland (UTC+13 in March) is the evening before in UTC, the same local day.
    const { summary } = await readActivityFile(join(root, 'wall-clock.gpx'), 500, null);
    expect(settleLocalTimes(summary!, 'Pacific/Auckland').start).toBe(Date.UTC(2024, 2, 9, 18));
    expect(draftFromSummary(summary!, { path: 'x.gpx', line: null, kind: 'gpx' }, 'Pacific/Auckland')).toMatchObject({ date: '2024-03-10', startTime: '07:00:00' });
  });

  it('takes the zone of the day itself across a daylight-saving change', () => {
    const summer = settleLocalTimes({ ...baseSummary(), start: Date.UTC(2024, 6, 1, 7), localTimes: true }, 'Europe/Berlin');
    expect(summer.start).toBe(Date.UTC(2024, 6, 1, 5));
    expect(summer.utcOffset).toBe(7200);
  });

  it('gives the import the same source id on every computer', async () => {
    const csvs: string[] = [];
    for (const zone of ['America/New_York', 'Asia/Tokyo']) {
      process.env.TZ = zone;
      const data = await freshJournal(join(root, `journal-${zone.replace('/', '-')}`));
      const outcome = await importInto(data, [join(root, 'wall-clock.gpx'), join(root, 'wall-clock.tcx')]);
      expect(outcome.exitCode).toBe(0);
      csvs.push(await readFile(join(data, 'imported/tracks.csv'), 'utf8'));
    }
    // The journal is in Europe/Oslo: 07:00 local on 10 March is 06:00 UTC; 17:30 on 2 April (summer time) is 15:30 UTC.
    expect(csvs[0]).toContain('gpx:20240310T060000Z');
    expect(csvs[0]).toContain('tcx:20240402T153000Z');
    expect(csvs[0]).toMatch(/^2024-03-10T07:00:00,3000 m,/m);
    expect(csvs[0]).toMatch(/^2024-04-02T17:30:00,1200 m,/m);
    expect(csvs[1]).toBe(csvs[0]);
  });
});

function baseSummary() {
  return {
    sport: 'running', isRun: true, virtual: false, start: null, utcOffset: null, name: null, description: null,
    distance: 5000, time: 1500, elevation: null, temperature: null, efforts: [], track: null,
  };
}
