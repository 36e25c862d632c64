import { fileURLToPath } from 'node:url';
import type { Profile } from '../../src/lib/types.ts';
import type { Stream } from '../../src/lib/journal/imports/streams.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/imports/', import.meta.url));

export function testProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    name: 'Ana',
    title: 'Small wins',
    site: null,
    units: 'km',
    weekStart: 'monday',
    timezone: 'America/New_York',
    locale: 'en',
    about: '',
    fonts: [],
    privacyTrim: 500,
    ...overrides,
  };
}

/** A stream from cumulative (distance m, time s) pairs. */
export function streamOf(points: Array<[number, number]>): Stream {
  return {
    start: 0,
    distance: points.map(([d]) => d),
    time: points.map(([, t]) => t),
    positions: points.map(() => null),
    elevation: points.map(() => null),
  };
}
