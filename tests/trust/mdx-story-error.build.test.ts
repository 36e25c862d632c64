// An MDX story that uses a component it never imports: the build fails with the story's file (as
// the runner types it), the line and the tag, and no stack trace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_LINE } from './helpers.ts';
import { buildSite, prepareProject, type BuildResult } from './site-build.ts';

const root = mkdtempSync(join(tmpdir(), 'small-wins-mdx-'));
let result: BuildResult | null = null;

beforeAll(async () => {
  const project = prepareProject(join(root, 'project'), { cards: false });
  // The journal sits in the project's `data/`, where a runner keeps it.
  const files: Record<string, string> = {
    'profile.md': ['---', 'name: Ana', 'title: Small wins', 'units: km', 'locale: en', '---', ''].join('\n'),
    'runs.csv': ['date,distance,time,title', '2025-03-01,3.0,20:00,First', '2025-03-05,5.0,30:00,Race', ''].join('\n'),
    'journal/2025-03-01-fine.mdx': ['---', 'date: 2025-03-01', '---', 'A story with <em>plain</em> HTML.', ''].join('\n'),
    'journal/2025-03-05-widget.mdx': ['---', 'date: 2025-03-05', '---', 'A story.', '', 'Here is my chart:', '', '<RaceChart distance={5} />', ''].join('\n'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(project, 'data', path)), { recursive: true });
    writeFileSync(join(project, 'data', path), text);
  }
  result = await buildSite({ project, data: 'data', outDir: join(root, 'dist'), cache: join(root, 'cache') });
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an MDX story using a component it never imports', () => {
  it('fails the build naming the story file, the line and the tag', () => {
    expect(result?.code).not.toBe(0);
    const output = `${result?.stdout}\n${result?.stderr}`;
    expect(output).toContain('data/journal/2025-03-05-widget.mdx:8: <RaceChart> is not a component this story imports or defines');
    expect(output).not.toContain('2025-03-01-fine.mdx');
  });

  it('prints no stack trace', () => {
    expect(`${result?.stdout}\n${result?.stderr}`).not.toMatch(STACK_LINE);
  });
});
