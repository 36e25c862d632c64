// The fastest any human has run a distance: the ceiling that tells a real run from a typo or a GPS
// glitch. A run, or a stretch inside one, faster than this is not a record to celebrate; it is
// data to check. Men's outright world records (World Athletics), the fastest published figures.
// docs/imports.md lists them with their holders.

interface WorldRecord {
  /** Metres. */
  distance: number;
  /** Seconds. */
  time: number;
}

/** Ordered by distance. Between two records the ceiling follows a power law through both. */
export const WORLD_RECORDS: readonly WorldRecord[] = [
  { distance: 100, time: 9.58 }, // Usain Bolt, Berlin 2009
  { distance: 400, time: 43.03 }, // Wayde van Niekerk, Rio de Janeiro 2016
  { distance: 1000, time: 131.96 }, // Noah Ngeny, Rieti 1999
  { distance: 1609.344, time: 223.13 }, // Hicham El Guerrouj, Rome 1999 (mile)
  { distance: 5000, time: 755.36 }, // Joshua Cheptegei, Monaco 2020
  { distance: 10000, time: 1571 }, // Joshua Cheptegei, Valencia 2020
  { distance: 21097.5, time: 3402 }, // Jacob Kiplimo, Barcelona 2025 (half marathon)
  { distance: 42195, time: 7235 }, // Kelvin Kiptum, Chicago 2023 (marathon)
  { distance: 100000, time: 21935 }, // Aleksandr Sorokin, Vilnius 2022 (100 km)
  { distance: 319614, time: 86400 }, // Aleksandr Sorokin, Verona 2022 (24 hours)
];

/**
 * The world-record time for `distance` metres, in seconds. Below 100 m the 100 m pace holds; past
 * 24 hours the 24-hour pace does (both only make the ceiling easier to pass, never harder).
 */
export function worldRecordTime(distance: number): number {
  const first = WORLD_RECORDS[0]!;
  const last = WORLD_RECORDS[WORLD_RECORDS.length - 1]!;
  if (distance <= first.distance) return (first.time * distance) / first.distance;
  if (distance >= last.distance) return (last.time * distance) / last.distance;
  let upper = 1;
  while (WORLD_RECORDS[upper]!.distance < distance) upper++;
  const a = WORLD_RECORDS[upper - 1]!;
  const b = WORLD_RECORDS[upper]!;
  const exponent = Math.log(b.time / a.time) / Math.log(b.distance / a.distance);
  return a.time * (distance / a.distance) ** exponent;
}

/** True when `time` seconds for `distance` metres beats the world record: not a human effort. */
export function beatsWorldRecord(distance: number, time: number): boolean {
  return distance > 0 && time < worldRecordTime(distance);
}
