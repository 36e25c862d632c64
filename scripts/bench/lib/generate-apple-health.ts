// A synthetic Apple Health export.xml: the real layout (the DTD, `<HealthData>`, `<Record>` elements
// with metadata children, `<Workout>` elements of recent and of old iOS), mostly health records as
// real exports are. Yielded in pieces, so a file of gigabytes is written without being held.
import { createRandom } from './random.ts';

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 13 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute|WorkoutStatistics)*)>
<!ATTLIST Workout
  workoutActivityType   CDATA #REQUIRED
  duration              CDATA #IMPLIED
  durationUnit          CDATA #IMPLIED
  sourceName            CDATA #REQUIRED
  startDate             CDATA #REQUIRED
  endDate               CDATA #REQUIRED
>
]>
<HealthData locale="en_GB">
 <ExportDate value="2024-06-01 09:00:00 +0200"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-04-02" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
`;

const DEVICE = '&lt;&lt;HKDevice: 0x2825a1e00&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:10.4&gt;';

/** `2024-05-01 07:12:03 +0200`, as Apple writes dates (the offset is fixed here: +0200). */
export function appleDate(ms: number): string {
  const local = new Date(ms + 2 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)} +0200`;
}

/** Heart-rate and step records from `start`, a minute apart: what most of a real export is. */
export function healthRecords(start: number, count: number, seed = 1): string {
  const random = createRandom(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = appleDate(start + i * 60_000);
    if (i % 3 === 2) {
      lines.push(` <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Ana’s iPhone" sourceVersion="17.4" unit="count" creationDate="${at}" startDate="${at}" endDate="${at}" value="${random.int(0, 119)}"/>`);
    } else {
      lines.push(
        ` <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Ana’s Apple Watch" sourceVersion="10.4" device="${DEVICE}" unit="count/min" creationDate="${at}" startDate="${at}" endDate="${at}" value="${random.int(60, 159)}">\n  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="${i % 2}"/>\n </Record>`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A running workout as recent iOS writes it (indoor ones marked), or, every fifth, as old iOS did. */
export function runningWorkout(start: number, metres: number, seconds: number, indoor: boolean, old: boolean): string {
  const from = appleDate(start);
  const to = appleDate(start + seconds * 1000);
  const minutes = seconds / 60;
  if (old) {
    return ` <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="${minutes}" durationUnit="min" totalDistance="${metres / 1000}" totalDistanceUnit="km" sourceName="Ana’s iPhone" startDate="${from}" endDate="${to}"/>\n`;
  }
  return [
    ` <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="${minutes}" durationUnit="min" sourceName="Ana’s Apple Watch" device="${DEVICE}" creationDate="${to}" startDate="${from}" endDate="${to}">`,
    `  <MetadataEntry key="HKIndoorWorkout" value="${indoor ? 1 : 0}"/>`,
    `  <MetadataEntry key="HKElevationAscended" value="${Math.round(metres / 100) * 100} cm"/>`,
    `  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="${from}" endDate="${to}" sum="${metres / 1000}" unit="km"/>`,
    ' </Workout>',
    '',
  ].join('\n');
}

/**
 * About `bytes` of export.xml with `workouts` running workouts spread through its records, a day
 * apart from 2020-01-01; yielded in pieces of about a megabyte.
 */
export function* appleHealthExportXml(options: { bytes: number; workouts: number; seed?: number }): Generator<string> {
  const random = createRandom(options.seed ?? 3);
  const recordsPerPiece = 2500;
  yield HEAD;
  let written = HEAD.length;
  let workout = 0;
  let piece = 0;
  const day = 86_400_000;
  const origin = Date.UTC(2020, 0, 1, 5);
  while (written < options.bytes) {
    const records = healthRecords(origin + piece * recordsPerPiece * 60_000, recordsPerPiece, piece + 1);
    yield records;
    written += records.length;
    piece++;
    // Workouts spread evenly through the file.
    while (workout < options.workouts && workout * options.bytes < written * options.workouts) {
      const metres = random.int(3000, 15_000);
      const text = runningWorkout(origin + workout * day, metres, Math.round(metres * random.between(0.3, 0.4)), workout % 7 === 3, workout % 5 === 4);
      yield text;
      written += text.length;
      workout++;
    }
  }
  for (; workout < options.workouts; workout++) yield runningWorkout(origin + workout * day, 5000, 1500, false, false);
  yield '</HealthData>\n';
}
