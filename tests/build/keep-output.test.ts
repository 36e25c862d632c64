import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openOutputFolder } from '../../src/lib/build/keep-output.ts';
import { listOutputFiles, readOutputRecord } from '../../src/lib/build/output-record.ts';

const scratch = mkdtempSync(join(tmpdir(), 'small-wins-keep-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let count = 0;
function folder(files: Record<string, string>): { outDir: string; record: string } {
  const base = join(scratch, String((count += 1)));
  const outDir = join(base, 'dist');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
  }
  return { outDir, record: join(base, 'cache', 'record.json') };
}

const write = (outDir: string, path: string, text: string) => {
  mkdirSync(dirname(join(outDir, path)), { recursive: true });
  writeFileSync(join(outDir, path), text);
};

describe('openOutputFolder', () => {
  it('removes everything a recorded build did not leave, but a top-level .git', async () => {
    const { outDir, record } = folder({ 'a/index.html': 'a', 'b.txt': 'b', '.git/HEAD': 'ref', 'deep/er/x.png': 'x' });
    const output = await openOutputFolder(outDir, record);
    expect(output.kept.size).toBe(0);
    expect(existsSync(join(outDir, 'a'))).toBe(false);
    expect(existsSync(join(outDir, 'deep'))).toBe(false);
    expect(existsSync(join(outDir, 'b.txt'))).toBe(false);
    expect(readFileSync(join(outDir, '.git/HEAD'), 'utf8')).toBe('ref');
  });

  it('keeps what the last build left until the end, then removes what this build neither wrote nor claimed', async () => {
    const { outDir, record } = folder({});
    // The first build writes three pages and a card.
    const first = await openOutputFolder(outDir, record);
    for (const path of ['kept/index.html', 'gone/index.html', 'rewritten/index.html', 'wins/x/card.png']) write(outDir, path, path);
    await first.close(new Set(), new Map([['wins/x/card.png', 'key-1']]));
    expect((await readOutputRecord(record, outDir)).get('wins/x/card.png')?.key).toBe('key-1');

    // Someone edits one page; the next build keeps the rest for now.
    write(outDir, 'kept/index.html', 'edited by hand, same length..');
    const second = await openOutputFolder(outDir, record);
    expect([...second.kept.keys()].sort()).toEqual(['gone/index.html', 'rewritten/index.html', 'wins/x/card.png']);
    expect(second.kept.get('wins/x/card.png')?.key).toBe('key-1');
    expect(existsSync(join(outDir, 'kept/index.html'))).toBe(false);

    // It writes one page again, writes a new one, and names the card it left in place.
    write(outDir, 'rewritten/index.html', 'new text');
    write(outDir, 'new/index.html', 'new');
    await second.close([], new Map([['wins/x/card.png', 'key-1']]));
    expect(existsSync(join(outDir, 'gone'))).toBe(false);
    expect(readFileSync(join(outDir, 'rewritten/index.html'), 'utf8')).toBe('new text');
    expect(readFileSync(join(outDir, 'wins/x/card.png'), 'utf8')).toBe('wins/x/card.png');
    expect([...(await readOutputRecord(record, outDir)).keys()].sort()).toEqual(['new/index.html', 'rewritten/index.html', 'wins/x/card.png']);
  });

  it('trusts size and modification time together: a file put back with the old time but another size goes', async () => {
    const { outDir, record } = folder({});
    const first = await openOutputFolder(outDir, record);
    write(outDir, 'page.html', 'twelve bytes');
    await first.close(new Set(), new Map());
    const { mtimeMs } = listOutputFiles(outDir).get('page.html')!;
    write(outDir, 'page.html', 'eleven byte');
    utimesSync(join(outDir, 'page.html'), mtimeMs / 1000, mtimeMs / 1000);
    const second = await openOutputFolder(outDir, record);
    expect(second.kept.size).toBe(0);
    expect(existsSync(join(outDir, 'page.html'))).toBe(false);
  });

  it('removes a symbolic link without following it', async () => {
    const { outDir, record } = folder({ 'index.html': 'home' });
    const outside = join(scratch, 'outside.txt');
    writeFileSync(outside, 'not the build’s');
    symlinkSync(outside, join(outDir, 'link.txt'));
    const first = await openOutputFolder(outDir, record);
    await first.close(new Set(), new Map());
    write(outDir, 'index.html', 'home');
    await openOutputFolder(outDir, record);
    expect(existsSync(join(outDir, 'link.txt'))).toBe(false);
    expect(readFileSync(outside, 'utf8')).toBe('not the build’s');
  });

  it('removes nothing when the project keeps its output folder itself', async () => {
    const { outDir, record } = folder({ 'mine.txt': 'keep me' });
    const output = await openOutputFolder(outDir, record, { clear: false });
    await output.close(new Set(), new Map());
    await (await openOutputFolder(outDir, record, { clear: false })).close(new Set(), new Map());
    expect(readFileSync(join(outDir, 'mine.txt'), 'utf8')).toBe('keep me');
  });

  it('starts from nothing when the folder does not exist yet', async () => {
    const { outDir, record } = folder({});
    const output = await openOutputFolder(join(outDir, 'not-yet'), record);
    expect(output.kept.size).toBe(0);
  });
});
