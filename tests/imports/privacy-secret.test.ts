import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryKey } from '../../src/lib/journal/imports/cache.ts';
import { loadPrivacy, newPrivacyFile, parsePrivacyFile } from '../../src/lib/journal/imports/privacy-secret.ts';

const SECRET = 'f'.repeat(64);

describe('the privacy secret file', () => {
  it('reads the secret and the zones, a zone radius defaulting to the trim', () => {
    const text = `${newPrivacyFile(SECRET)}privacy_zones:\n  - 59.91234, 10.75210\n  - 59.93, 10.70, 800\n`;
    expect(parsePrivacyFile(text, 'data/.privacy-secret', 500)).toEqual({
      secret: SECRET,
      zones: [
        { lat: 59.91234, lon: 10.7521, radius: 500 },
        { lat: 59.93, lon: 10.7, radius: 800 },
      ],
      problems: [],
    });
  });

  it('names the line and field of a bad zone or a short secret, never quoting the secret', () => {
    const { problems } = parsePrivacyFile('secret: short\nprivacy_zones:\n  - 59.9\n  - 95, 10\n', 'data/.privacy-secret', 500);
    expect(problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [1, 'secret', null],
      [3, 'privacy_zones', '59.9'],
      [4, 'privacy_zones', '95, 10'],
    ]);
  });

  it('loads from the journal folder, the environment winning; the cache key changes with the secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'small-wins-secret-'));
    try {
      expect((await loadPrivacy(dir, 'data', 500, { env: {} })).settings.secret).toBe('');
      await writeFile(join(dir, '.privacy-secret'), newPrivacyFile(SECRET));
      const fromFile = await loadPrivacy(dir, 'data', 500, { env: {} });
      expect(fromFile.settings).toEqual({ trim: 500, secret: SECRET, zones: [] });
      const env = { SMALL_WINS_PRIVACY_SECRET: 'e'.repeat(40) };
      expect((await loadPrivacy(dir, 'data', 500, { env })).settings.secret).toBe('e'.repeat(40));
      const created = await mkdtemp(join(tmpdir(), 'small-wins-secret-new-'));
      const made = await loadPrivacy(created, 'data', 500, { env: {}, create: true });
      expect(made.settings.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(await readFile(join(created, '.privacy-secret'), 'utf8')).toContain(made.settings.secret);
      await rm(created, { recursive: true, force: true });
      const bytes = new TextEncoder().encode('a track');
      expect(summaryKey(bytes, fromFile.settings)).not.toBe(summaryKey(bytes, { ...fromFile.settings, secret: 'e'.repeat(40) }));
      expect(summaryKey(bytes, fromFile.settings)).not.toBe(summaryKey(bytes, 500));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
