// The update recipe of docs/deploy.md, run line by line on real repositories: a fork and a copy made
// with "Use this template", while upstream keeps editing its code and its sample journal.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const docs = readFileSync(join(import.meta.dirname, '../../docs/deploy.md'), 'utf8');

/** The fenced `sh` block of the docs that contains `marker`, as its command lines. */
function docBlock(marker: string): string[] {
  const blocks = [...docs.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const block = blocks.find((b) => b.includes(marker));
  if (block === undefined) throw new Error(`docs/deploy.md has no sh block with "${marker}"`);
  return block.split('\n').filter((line) => line.trim() !== '');
}

let root: string;
let env: NodeJS.ProcessEnv;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function write(repo: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
}

/** Every file under `dir` (relative path → content), .git excluded. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (path.split('/')[0] === '.git') continue;
    out[path] = readFileSync(join(dir, path), 'utf8');
  }
  return out;
}

/** Runs the docs' commands in `repo`; only the merge may stop (with its expected data/ conflicts). */
function runRecipe(repo: string, upstreamUrl: string): void {
  const lines = [...docBlock('git remote add upstream'), ...docBlock('git fetch upstream')];
  const hasUpstream = git(repo, 'remote').split('\n').includes('upstream');
  for (const line of lines) {
    if (line.startsWith('git remote add upstream')) {
      if (hasUpstream) continue;
      git(repo, 'remote', 'add', 'upstream', upstreamUrl);
      continue;
    }
    const result = spawnSync('bash', ['-c', line], { cwd: repo, env, encoding: 'utf8' });
    const mayStop = line.startsWith('git merge');
    if (result.status !== 0 && !(mayStop && result.status === 1)) {
      throw new Error(`"${line}" failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  }
}

const UPSTREAM_V1 = {
  'README.md': 'Small Wins v1\n\nHow to use it.\n',
  'src/app.ts': 'export const version = 1;\n',
  'src/old.ts': 'export const old = true;\n',
  'data/runs.csv': 'date,distance\n2024-01-06,1.5\n',
  'data/journal/2024-01-06-first-run.md': '---\ndate: 2024-01-06\n---\nSample story.\n',
  'data/profile.md': '---\nname: Maya\n---\n',
};

function upstreamEdits(round: number): Record<string, string> {
  return {
    'src/app.ts': `export const version = ${round + 1};\n`,
    [`src/feature-${round}.ts`]: `export const feature = ${round};\n`,
    'data/runs.csv': `date,distance\n2024-01-06,1.5\n2024-01-0${round + 6},${round + 2}\n`,
    'data/journal/2024-01-06-first-run.md': `---\ndate: 2024-01-06\n---\nSample story, edited ${round}.\n`,
    [`data/journal/2024-02-0${round}-new-sample.md`]: '---\ndate: 2024-01-06\n---\nAnother sample.\n',
    'data/profile.md': `---\nname: Maya ${round}\n---\n`,
  };
}

/** What a runner does in their copy: replace the sample journal, keep a note in the README. */
function makeItMine(repo: string): void {
  git(repo, 'rm', '-r', '-q', 'data/runs.csv', 'data/journal');
  write(repo, {
    'data/runs.csv': 'date,distance,title\n2026-11-01,5,My first 5 km\n',
    'data/journal/2026-11-01-my-story.md': '---\ndate: 2026-11-01\n---\nMine.\n',
    'data/profile.md': '---\nname: Ana\n---\n',
    'README.md': `${UPSTREAM_V1['README.md']}\nAna's notes: run on Sundays.\n`,
  });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'My journal');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'upstream-update-'));
  env = {
    PATH: process.env.PATH,
    HOME: root,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'init.defaultBranch',
    GIT_CONFIG_VALUE_0: 'main',
    GIT_CONFIG_KEY_1: 'advice.detachedHead',
    GIT_CONFIG_VALUE_1: 'false',
  };
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each([
  ['a fork', 'fork'],
  ['a copy made with "Use this template"', 'template'],
] as const)('the update recipe in %s', (_label, kind) => {
  let repo: string;
  let upstream: string;

  beforeAll(() => {
    upstream = join(root, `upstream-for-${kind}`);
    mkdirSync(upstream);
    git(upstream, 'init', '-q');
    write(upstream, UPSTREAM_V1);
    git(upstream, 'add', '-A');
    git(upstream, 'commit', '-q', '-m', 'v1');
    const hosted = join(root, `${kind}.git`);
    if (kind === 'fork') {
      git(root, 'clone', '-q', '--bare', upstream, hosted);
    } else {
      // A template copy: the same files in a brand-new history.
      const seed = join(root, `${kind}-seed`);
      mkdirSync(seed);
      git(seed, 'init', '-q');
      write(seed, snapshot(upstream));
      git(seed, 'add', '-A');
      git(seed, 'commit', '-q', '-m', 'Initial commit');
      git(root, 'clone', '-q', '--bare', seed, hosted);
    }
    repo = join(root, kind);
    git(root, 'clone', '-q', hosted, repo);
    makeItMine(repo);
  });

  it.each([1, 2])('round %i: code updated, data/ exactly as committed, merge recorded and pushed', (round) => {
    // Upstream moves on (fresh edits each round; round 2 also follows the runner logging a run).
    const upstreamFiles = upstreamEdits(round);
    write(upstream, upstreamFiles);
    if (round === 1) git(upstream, 'rm', '-q', 'src/old.ts');
    write(upstream, { 'README.md': `Small Wins v${round + 1}\n\nHow to use it.\n` });
    git(upstream, 'add', '-A');
    git(upstream, 'commit', '-q', '-m', `v${round + 1}`);
    if (round === 2) {
      write(repo, { 'data/runs.csv': 'date,distance,title\n2026-11-01,5,My first 5 km\n2026-11-20,10.2,Easy river loop\n' });
      git(repo, 'commit', '-q', '-am', 'Easy river loop');
    }
    const dataTree = git(repo, 'rev-parse', 'HEAD:data');
    const dataFiles = snapshot(join(repo, 'data'));

    runRecipe(repo, upstream);

    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(git(repo, 'rev-parse', 'HEAD:data')).toBe(dataTree);
    expect(snapshot(join(repo, 'data'))).toEqual(dataFiles);
    expect(readFileSync(join(repo, 'src/app.ts'), 'utf8')).toBe(upstreamFiles['src/app.ts']);
    expect(readFileSync(join(repo, `src/feature-${round}.ts`), 'utf8')).toBe(upstreamFiles[`src/feature-${round}.ts`]);
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    expect(readme).toContain(`Small Wins v${round + 1}`);
    // Upstream is now part of the history (next time is a normal 3-way merge) and the result is pushed.
    expect(spawnSync('git', ['merge-base', '--is-ancestor', 'upstream/main', 'HEAD'], { cwd: repo, env }).status).toBe(0);
    expect(git(repo, 'rev-parse', 'origin/main')).toBe(git(repo, 'rev-parse', 'HEAD'));
    if (kind === 'fork') {
      // A fork shares history: the runner's own line in the README survives, a deleted file goes.
      expect(readme).toContain("Ana's notes: run on Sundays.");
      expect(snapshot(repo)['src/old.ts']).toBeUndefined();
    }
  });
});
