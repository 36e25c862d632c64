// The profile's `site`, read at config time before the journal reader runs: only the front matter
// of `<data>/profile.md` is needed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The `site` URL from the profile's front matter, or null (missing file, no front matter, bad YAML). */
export function readProfileSite(dataDir: string): string | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'profile.md'), 'utf8');
  } catch {
    return null;
  }
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return null;
  try {
    const data: unknown = parse(match[1] as string);
    const site = data && typeof data === 'object' ? (data as Record<string, unknown>).site : null;
    return typeof site === 'string' && URL.canParse(site) ? site : null;
  } catch {
    return null;
  }
}
