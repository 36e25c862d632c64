// Layout B: a private journal repository whose workflow publishes only the built site to a
// separate public repository. Checked offline: the file read as YAML (which job holds the token and
// what that job runs, the pins, the install and the audit, against deploy.yml), and its own shell
// steps run against a local repository standing in for the public one.
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
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
type Workflow = {
  on: { push?: { branches?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const workflow = document.toJS() as Workflow;
const deploy = parseDocument(readFileSync(join(repoRoot, '.github/workflows/deploy.yml'), 'utf8')).toJS() as Workflow;
const jobs = Object.entries(workflow.jobs);
const steps = jobs.flatMap(([, job]) => job.steps);
const step = (name: RegExp): Step => steps.find((s) => name.test(s.name ?? ''))!;
const usesOf = (job: Job, action: string): Step | undefined => job.steps.find((s) => s.uses?.split('@')[0] === action);
const scratch = mkdtempSync(join(tmpdir(), 'publish-workflow-'));

/** Whether any part of the step (its command, inputs or environment) names the token secret. */
const holdsToken = (s: Step): boolean => JSON.stringify(s).includes('secrets.PUBLIC_PAGES_TOKEN');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function bash(script: string, env: Record<string, string>, cwd = scratch) {
  return spawnSync('bash', ['-e', '-c', script], { cwd, env: { PATH: process.env.PATH, HOME: scratch, ...env }, encoding: 'utf8' });
}

describe('the publish-to-public-repo workflow file', () => {
  it('is well-formed YAML, runs on pushes to main and does nothing until PUBLIC_PAGES_REPO is set', () => {
    expect(document.errors).toEqual([]);
    expect(workflow.on.push?.branches).toEqual(['main']);
    for (const [, job] of jobs) expect(job.if).toBe("${{ vars.PUBLIC_PAGES_REPO != '' }}");
  });

  it('gives the built-in token read access only, in the workflow and in every job', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [, job] of jobs) expect(job.permissions).toEqual({ contents: 'read' });
  });

  it('uses only official actions, each pinned to a commit, the same commit deploy.yml pins', () => {
    const pinned = new Map(Object.values(deploy.jobs).flatMap((job) => job.steps.filter((s) => s.uses).map((s) => s.uses!.split('@') as [string, string])));
    const used = steps.filter((s) => s.uses !== undefined);
    expect(used.length).toBeGreaterThan(0);
    for (const s of used) {
      expect(s.uses).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
      const [action, commit] = s.uses!.split('@') as [string, string];
      if (pinned.has(action)) expect(commit, action).toBe(pinned.get(action));
    }
    // The tag each commit stands for is said next to it, for the reader and for updates.
    for (const line of text.split('\n').filter((l) => /^\s*uses:/.test(l))) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('installs what the lock file pins and stops on the audit, as deploy.yml does', () => {
    const runs = steps.map((s) => s.run ?? '');
    expect(runs.filter((r) => /\bnpm\s+(install|i|add)\b/.test(r))).toEqual([]);
    const build = workflow.jobs.build!;
    const commands = build.steps.map((s) => s.run).filter((r) => r !== undefined);
    const deployBuild = deploy.jobs.build!.steps.map((s) => s.run).filter((r) => r !== undefined);
    const install = deployBuild.find((r) => r.startsWith('npm ci'))!;
    const audit = deployBuild.find((r) => r.startsWith('npm audit'))!;
    expect(install).toBe('npm ci --no-audit --no-fund');
    expect(audit).toBe('npm audit --omit=dev --audit-level=high');
    // Installed, then audited, then built: nothing from npm runs before the audit has passed.
    expect(commands.indexOf(install)).toBeGreaterThanOrEqual(0);
    expect(commands.indexOf(audit)).toBe(commands.indexOf(install) + 1);
    expect(commands.findIndex((r) => r.startsWith('npm run build'))).toBeGreaterThan(commands.indexOf(audit));
    expect(usesOf(build, 'actions/checkout')?.with?.['persist-credentials']).toBe(false);
  });

  it('holds the token only in a job that runs no npm, npx, node or astro and only gets the built site', () => {
    const holders = jobs.filter(([, job]) => job.steps.some(holdsToken)).map(([name]) => name);
    expect(holders).toEqual(['publish']);
    const publish = workflow.jobs.publish!;
    expect(publish.needs).toBe('build');
    for (const s of publish.steps) expect(s.run ?? '').not.toMatch(/\b(npm|npx|node|astro|pnpm|yarn)\b/);
    // No checkout, no Node, no cache: the one action it uses takes the build's artifact.
    expect(publish.steps.filter((s) => s.uses).map((s) => s.uses!.split('@')[0])).toEqual(['actions/download-artifact']);
    const upload = usesOf(workflow.jobs.build!, 'actions/upload-artifact')!;
    const download = usesOf(publish, 'actions/download-artifact')!;
    expect(upload.with).toMatchObject({ path: 'dist', 'include-hidden-files': false, 'if-no-files-found': 'error' });
    expect(download.with).toEqual({ name: upload.with!.name, path: 'dist' });
    // The build job never sees a secret at all.
    expect(JSON.stringify(workflow.jobs.build)).not.toContain('secrets.');
  });

  it('passes the token through the environment, never inline in a command', () => {
    const publish = step(/^Publish/);
    expect(publish.env?.TOKEN).toBe('${{ secrets.PUBLIC_PAGES_TOKEN }}');
    for (const s of steps) expect(s.run ?? '').not.toContain('secrets.');
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
