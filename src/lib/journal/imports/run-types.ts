// The one place that says which activity types are runs, and which runs are not on the road.
// Every importer asks here: Garmin Connect keys (`trail_running`) and CSV names (`Trail Running`),
// GPX types (`TrailRun`), TCX sports (`Running`) and FIT sports and sub-sports (`running`, `treadmill`).

/** `trail_running`, `Trail Running`, `TrailRun` and `trail-run` all become `trailrun...`. */
function compact(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const RUN_KINDS = ['', 'street', 'track', 'indoor', 'ultra', 'obstacle', 'trail', 'virtual', 'treadmill'];
const RUNNING_TYPES = new Set([...RUN_KINDS.flatMap((kind) => [`${kind}run`, `${kind}running`]), '9']);

/** Runs (and FIT sub-sports) measured by a foot pod or a belt, not by moving over the ground. */
const OFF_ROAD_PREFIXES = ['treadmill', 'indoor', 'virtual'];

/** A file without a sport is taken as a run: it was put in a running journal. */
export function isRunningSport(sport: string | null): boolean {
  return sport === null || RUNNING_TYPES.has(compact(sport));
}

/** Treadmill, indoor and virtual runs: `virtual` in the journal, kept out of best efforts and maps. */
export function isVirtualRun(...names: (string | null)[]): boolean {
  return names.some((name) => name !== null && OFF_ROAD_PREFIXES.some((prefix) => compact(name).startsWith(prefix)));
}
