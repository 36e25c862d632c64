// Layout B: a private journal repository whose workflow publishes only the built site to a
// separate public repository. Checked offline: the file, its permissions and guards, and its own
// shell steps run against a local repository standing in for the public one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const repoRoot = join(import.meta.dirname, '../..');
const text = readFileSync(join(repoRoot, '.github/workflows/publish-to-public-repo.yml'), 'utf8');
const document = parseDocument(text);

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const workflow = document.toJS() as {
  on: { push?: { branches?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { if?: string; steps: Step[] }>;
};
const job = workflow.jobs.publish!;
const step = (name: RegExp): Step => job.steps.find((s) => name.test(s.name ?? ''))!;
const scratch = mkdtempSync(join(tmpdir(), 'publish-workflow-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function bash(script: string, env: Record<string, string>, cwd = scratch) {
  return spawnSync('bash', ['-e', '-c', script], { cwd, env: { PATH: process.env.PATH, HOME: scratch, ...env }, encoding: 'utf8' });
}

describe('the publish-to-public-repo workflow file', () => {
  it('is well-formed YAML, runs on pushes to main and does nothing until PUBLIC_PAGES_REPO is set', () => {
    expect(document.errors).toEqual([]);
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(job.if).toBe("${{ vars.PUBLIC_PAGES_REPO != '' }}");
  });

  it('gives the built-in token read access only and uses only official actions, pinned', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const s of job.steps) if (s.uses) expect(s.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });

  it('passes the token through the environment, never inline in a command', () => {
    const publish = step(/^Publish/);
    expect(publish.env?.TOKEN).toBe('${{ secrets.PUBLIC_PAGES_TOKEN }}');
    for (const s of job.steps) expect(s.run ?? '').not.toContain('secrets.');
    expect(publish.run).not.toMatch(/echo[^\n]*\$TOKEN/);
  });

  it.each([
    ['ana/runs', 'https://ana.github.io', '/runs/'],
    ['Ana/Ana.github.io', 'https://ana.github.io', '/'],
  ])('builds %s for %s%s', (repo, site, base) => {
    const output = join(scratch, `output-${repo.replace('/', '-')}`);
    writeFileSync(output, '');
    const result = bash(step(/public address/).run!, { PUBLIC_PAGES_REPO: repo, GITHUB_OUTPUT: output });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(`site=${site}\nbase=${base}\n`);
    expect(step(/^Build$/).run).toBe('npm run build -- --site "$SITE" --base "$BASE"');
  });

  it('pushes only dist/, as one fresh commit on gh-pages, to the public repository', () => {
    const remote = join(scratch, 'public.git');
    expect(bash(`git init --quiet --bare "${remote}"`, {}).status).toBe(0);
    const work = join(scratch, 'private-repo');
    mkdirSync(join(work, 'dist/wins'), { recursive: true });
    writeFileSync(join(work, 'dist/index.html'), '<h1>Small wins</h1>');
    writeFileSync(join(work, 'dist/wins/index.html'), '<h1>Wins</h1>');
    const publish = step(/^Publish/).run!;
    for (let i = 0; i < 2; i++) {
      const result = bash(publish, { TOKEN: 'not-a-real-token', REMOTE: remote }, work);
      expect(result.status, result.stderr).toBe(0);
      rmSync(join(work, 'dist/.git'), { recursive: true, force: true });
    }
    const files = bash(`git --git-dir="${remote}" ls-tree -r --name-only gh-pages`, {}).stdout.trim().split('\n');
    expect(files).toEqual(['.nojekyll', 'index.html', 'wins/index.html']);
    const log = bash(`git --git-dir="${remote}" log --format=%s gh-pages`, {}).stdout.trim().split('\n');
    expect(log).toEqual(['Publish the site']);
  });

  it('stops with a clear message when the token secret is missing', () => {
    const result = bash(step(/^Publish/).run!, { TOKEN: '', REMOTE: join(scratch, 'public.git') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The secret PUBLIC_PAGES_TOKEN is not set (see docs/deploy.md)');
  });
});
