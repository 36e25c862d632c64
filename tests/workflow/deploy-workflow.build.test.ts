// The GitHub Pages workflow: well-formed, built from the official actions, and building with the
// site and base path GitHub gives the repository (checked by running its own build command).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const repoRoot = join(import.meta.dirname, '../..');
const workflowText = readFileSync(join(repoRoot, '.github/workflows/deploy.yml'), 'utf8');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  permissions?: Record<string, string>;
  needs?: string | string[];
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const document = parseDocument(workflowText);
const workflow = document.toJS() as Workflow;
const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const build = workflow.jobs.build!;
const stepUsing = (action: string): Step | undefined => allSteps.find((s) => s.uses?.startsWith(`${action}@`));
const indexOf = (predicate: (s: Step) => boolean): number => build.steps.findIndex(predicate);
const buildStep = build.steps.find((s) => s.run?.includes('npm run build')) ?? {};
const isInstall = (s: Step): boolean => /^npm ci\b/.test(s.run ?? '');

describe('the deploy workflow file', () => {
  it('is well-formed YAML', () => {
    expect(document.errors).toEqual([]);
    expect(document.warnings).toEqual([]);
  });

  it('runs on every push to main, read-only unless a job says otherwise', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('lets only the deploy job, which runs no command, publish to Pages', () => {
    const deploy = Object.entries(workflow.jobs).find(([, job]) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect(deploy?.[0]).toBe('deploy');
    expect(deploy?.[1].permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(deploy?.[1].steps.filter((s) => s.run !== undefined)).toEqual([]);
    // Every other job (the build runs packages' install scripts) can write nothing.
    for (const [name, job] of Object.entries(workflow.jobs).filter(([name]) => name !== 'deploy')) {
      expect(job.permissions, name).toBeDefined();
      const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === 'write');
      expect(writes, name).toEqual([]);
    }
  });

  it('leaves no credentials in the checkout', () => {
    const checkouts = allSteps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const checkout of checkouts) expect(checkout.with?.['persist-credentials']).toBe(false);
  });

  it('uses only official actions, each pinned to a full commit SHA', () => {
    const uses = allSteps.flatMap((s) => (s.uses === undefined ? [] : [s.uses]));
    expect(uses.length).toBeGreaterThan(0);
    // A tag can be moved to other code; a commit cannot.
    for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
    for (const action of ['checkout', 'setup-node', 'configure-pages', 'cache', 'upload-pages-artifact', 'deploy-pages']) {
      expect(stepUsing(`actions/${action}`), action).toBeDefined();
    }
  });

  it('names the version of every pinned action in a comment on its line', () => {
    const lines = workflowText.split('\n').filter((line) => /^\s*(- )?uses:/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/uses: actions\/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('takes Node from .nvmrc and installs the lock file with npm ci, then audits what ships', () => {
    expect(stepUsing('actions/setup-node')?.with?.['node-version-file']).toBe('.nvmrc');
    expect(existsSync(join(repoRoot, '.nvmrc'))).toBe(true);
    const install = indexOf(isInstall);
    const audit = indexOf((s) => /^npm audit --omit=dev( --audit-level=(high|critical))?$/.test((s.run ?? '').trim()));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(allSteps.some((s) => /\bnpm (install|i)\b/.test(s.run ?? ''))).toBe(false);
    expect(audit).toBeGreaterThan(install);
  });

  it('is described in the README and docs/deploy.md as stopping on exactly what the audit level stops on', () => {
    const level = /--audit-level=(\w+)/.exec(allSteps.find((s) => s.run?.startsWith('npm audit'))?.run ?? '')?.[1] ?? 'low';
    const stoppedBy: Record<string, string> = { low: 'any advisory', moderate: 'a moderate, high or critical advisory', high: 'a high or critical advisory', critical: 'a critical advisory' };
    for (const doc of ['README.md', 'docs/deploy.md']) {
      const text = readFileSync(join(repoRoot, doc), 'utf8').replace(/\s+/g, ' ');
      const said = [...text.matchAll(/npm audit[^.]*\./g)].map((m) => m[0]);
      expect(said.length, doc).toBeGreaterThan(0);
      for (const sentence of said) expect(sentence, doc).toContain(stoppedBy[level]);
    }
  });

  it('builds with the site and base path from configure-pages, after restoring the share-image cache', () => {
    const pages = stepUsing('actions/configure-pages');
    expect(pages?.id).toBe('pages');
    const configure = indexOf((s) => s === pages);
    const cache = indexOf((s) => s.uses?.startsWith('actions/cache@') === true);
    const buildAt = indexOf((s) => s === buildStep);
    expect(configure).toBeGreaterThan(indexOf(isInstall));
    expect(cache).toBeGreaterThan(-1);
    expect(buildAt).toBeGreaterThan(Math.max(configure, cache));
    expect(Object.values(buildStep.env ?? {})).toEqual(
      expect.arrayContaining(['${{ steps.pages.outputs.origin }}', '${{ steps.pages.outputs.base_path }}']),
    );
    expect(buildStep.run).toMatch(/--site .*--base /);
  });

  it('caches the share images and Astro\'s pages keyed by the journal and the lock file, with a fallback for partial hits', () => {
    const cache = stepUsing('actions/cache');
    expect(String(cache?.with?.path).trim().split('\n')).toEqual(['.cache/small-wins', 'node_modules/.astro']);
    expect(String(cache?.with?.key)).toContain("hashFiles('data/**', 'package-lock.json')");
    expect(String(cache?.with?.['restore-keys']).trim().length).toBeGreaterThan(0);
    expect(String(cache?.with?.key).startsWith(String(cache?.with?.['restore-keys']).trim())).toBe(true);
  });

  it('writes the new wins of the push to the job summary with a script that exists', () => {
    const summary = build.steps.find((s) => s.run?.includes('$GITHUB_STEP_SUMMARY'));
    expect(summary?.run).toMatch(/node scripts\/new-wins\.ts/);
    expect(existsSync(join(repoRoot, 'scripts/new-wins.ts'))).toBe(true);
    expect(Object.values(summary?.env ?? {})).toContain('${{ github.event.before }}');
    expect(stepUsing('actions/checkout')?.with?.['fetch-depth']).toBe(0);
  });

  it('uploads dist/ and deploys it to the github-pages environment after the build', () => {
    expect(stepUsing('actions/upload-pages-artifact')?.with?.path).toBe('dist');
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment?.name).toBe('github-pages');
  });

  it.each([
    ['a project site', '/small-wins', '/small-wins/'],
    ['a project site with a trailing slash', '/small-wins/', '/small-wins/'],
    ['a user site', '/', '/'],
    ['an empty base path', '', '/'],
  ])('%s: base path "%s" builds with --base %s', (_label, basePath, expected) => {
    // The build step's own command, with `npm run build --` replaced by a printer of its arguments.
    const command = (buildStep.run ?? '').replace('npm run build --', "printf '%s\\n'");
    const result = spawnSync('bash', ['-c', command], {
      env: { PATH: process.env.PATH, PAGES_ORIGIN: 'https://ana.github.io', PAGES_BASE_PATH: basePath },
      encoding: 'utf8',
    });
    expect(result.stdout.split('\n').filter(Boolean)).toEqual(['--site', 'https://ana.github.io', '--base', expected]);
  });
});

/** The test runner's environment without what vitest adds (NODE_ENV=test, BASE_URL=/ ...), as on a runner. */
function buildEnvironment(): NodeJS.ProcessEnv {
  const vitestAdds = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !vitestAdds.has(name) && !name.startsWith('VITEST')));
}

describe('building as the workflow does', () => {
  let scratch: string;
  let outDir: string;
  let html: Array<{ path: string; text: string }> = [];
  let status: number | null = null;
  let output = '';

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'pages-build-'));
    outDir = join(scratch, 'dist');
    const command = `${buildStep.run ?? ''} --outDir "$OUT_DIR"`;
    const result = spawnSync('bash', ['-c', command], {
      cwd: repoRoot,
      env: {
        ...buildEnvironment(),
        PAGES_ORIGIN: 'https://ana.github.io',
        PAGES_BASE_PATH: '/small-wins',
        OUT_DIR: outDir,
        // The share-image cache stays the project's (or SMALL_WINS_CACHE), as the workflow restores it.
      },
      encoding: 'utf8',
    });
    status = result.status;
    output = `${result.stdout}\n${result.stderr}`;
    if (existsSync(outDir)) {
      html = readdirSync(outDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.html'))
        .map((e) => ({ path: join(e.parentPath, e.name), text: readFileSync(join(e.parentPath, e.name), 'utf8') }));
    }
  }, 600_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('succeeds and writes pages', () => {
    expect(status, output.slice(-3000)).toBe(0);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
  });

  it('links every local page and asset under the base path', () => {
    expect(html.length).toBeGreaterThan(0);
    const offenders: string[] = [];
    for (const page of html) {
      for (const match of page.text.matchAll(/\s(?:href|src|action|content)="(\/[^"]*)"/g)) {
        const url = match[1] ?? '';
        if (!url.startsWith('/small-wins/') && !url.startsWith('//')) offenders.push(`${page.path}: ${url}`);
      }
      for (const match of page.text.matchAll(/"(https:\/\/ana\.github\.io[^"]*)"/g)) {
        const url = match[1] ?? '';
        if (!url.startsWith('https://ana.github.io/small-wins/')) offenders.push(`${page.path}: ${url}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
