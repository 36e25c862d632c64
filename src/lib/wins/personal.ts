// Personal family: the wins a runner names themselves (`win` field).
import { createNameSlugger } from '../format/slug.ts';
import type { Detector } from './walk.ts';

/** Slugs stay readable in a URL; the title keeps every word. */
const MAX_SLUG_CHARS = 60;

export function detectCustomWins(): Detector {
  const slugOf = createNameSlugger(MAX_SLUG_CHARS, 'custom-win');
  return (run, walk) => {
    const words = run.win?.trim();
    if (!words) return;
    // A private run's words are never published: it still earns its win, unnamed.
    const title = run.private ? 'A small win' : words;
    walk.emit(run, {
      kind: 'custom',
      name: slugOf(title),
      title,
      value: run.distance,
      unit: 'm',
    });
  };
}
