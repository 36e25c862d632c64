// Race family: every race finished, named as the runner named it.
import type { Run } from '../types.ts';
import { formatDistance } from '../format/units.ts';
import { createNameSlugger } from '../format/slug.ts';
import { EFFORT_MAX, EFFORT_MIN, STANDARD_DISTANCES } from './rungs.ts';
import type { Detector } from './walk.ts';
import type { DistanceUnit } from '../types.ts';

/** What to call a race: its name, else the run's title, else its distance — a private run's words never. */
export function raceName(run: Run, unit: DistanceUnit): string {
  const named = run.private ? '' : run.race?.trim() || run.title?.trim();
  if (named) return named;
  const standard = STANDARD_DISTANCES.find(
    (rung) => run.distance >= EFFORT_MIN * rung.metres && run.distance <= EFFORT_MAX * rung.metres,
  );
  return `a ${standard ? standard.label : formatDistance(run.distance, unit)} race`;
}

/** Race names stay readable in a URL; the title keeps every word. */
const MAX_SLUG_CHARS = 60;

export function detectRaces(): Detector {
  const slugOf = createNameSlugger(MAX_SLUG_CHARS, 'race');
  let first = true;
  return (run, walk) => {
    if (!run.isRace) return;
    const name = raceName(run, walk.profile.units);
    walk.emit(run, {
      kind: 'race',
      name: slugOf(name),
      title: first ? `First race: ${name}` : `Finished ${name}`,
      value: run.time ?? run.distance,
      unit: run.time === null ? 'm' : 's',
    });
    first = false;
  };
}
