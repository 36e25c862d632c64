// Builds the sample journal's site once for the browser suite: the tests that only read the
// default build (`buildSite()` without options) share it instead of each running `astro build`.
import type { TestProject } from 'vitest/node';
import { buildSiteNow, type SharedSite } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleSite: SharedSite | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await buildSiteNow();
  project.provide('sampleSite', { outDir: site.outDir, base: site.base, log: site.log, today: process.env.SMALL_WINS_TODAY ?? null });
  return () => site.dispose();
}
