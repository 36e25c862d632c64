import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseActivity, type ParseJob } from '../../src/lib/journal/imports/activity-file.ts';
import { createParsePool } from '../../src/lib/journal/imports/parse-pool.ts';
import { FIXTURES } from './helpers.ts';

describe('createParsePool', () => {
  it('decodes on worker threads with the same result as in this thread', async () => {
    const jobs: ParseJob[] = await Promise.all(
      ['real/activity-small-fenix2-run.fit', 'splits-3k.gpx', 'short.tcx', 'real/activity-unexpected-eof.fit'].map(async (file) => ({
        format: file.endsWith('.fit') ? ('fit' as const) : file.endsWith('.gpx') ? ('gpx' as const) : ('tcx' as const),
        bytes: new Uint8Array(await readFile(join(FIXTURES, file))),
        gzipped: false,
        privacy: 500,
      })),
    );
    const pool = createParsePool(2);
    try {
      expect(pool.threads).toBe(2);
      const pooled = await Promise.all(jobs.map((job) => pool.parse(job)));
      expect(pool.threads).toBe(2);
      const local = await Promise.all(jobs.map((job) => parseActivity(job)));
      expect(pooled).toEqual(local);
      expect(pooled[3]!.warnings).toEqual(['FIT Runtime Error end of stream at byte 768']);
    } finally {
      await pool.close();
    }
  });

  it('stays in this thread when asked for fewer than two workers', () => {
    expect(createParsePool(1).threads).toBe(0);
  });
});
