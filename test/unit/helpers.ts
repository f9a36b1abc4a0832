import * as path from 'path';
import * as os from 'os';
import { promises as fs } from 'fs';
import { JournalIndex, loadJournal } from '../../src/core';
import { NodeJournalStore } from '../../src/cli/nodeStore';
import { runCli } from '../../src/cli/main';

export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURE = path.join(ROOT, 'test/fixtures/journal');
export const BROKEN = path.join(ROOT, 'test/fixtures/broken');
export const HOSTILE = path.join(ROOT, 'test/fixtures/hostile');
export const SAMPLE = path.join(ROOT, 'sample/coaching');
export const TODAY = '2026-11-24';

export async function loadFixture(dir = FIXTURE): Promise<JournalIndex> {
  const index = new JournalIndex();
  await loadJournal(new NodeJournalStore(dir), index);
  return index;
}

export async function copyDir(from: string, to: string): Promise<void> {
  await fs.cp(from, to, { recursive: true });
}

export async function tempDir(prefix = 'cj-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function cli(argv: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, now: () => new Date(2026, 10, 24, 9, 0) });
  return { code, out, err };
}

/** The machine-readable block (```json … ```) of a fixture's EXPECTED.md. */
export async function expectedJson<T>(dir: string): Promise<T> {
  const md = await fs.readFile(path.join(dir, 'EXPECTED.md'), 'utf8');
  return JSON.parse(/```json\n([\s\S]*?)```/.exec(md)![1]) as T;
}

/** Every file under `dir` with its bytes, by relative path (to prove that nothing was written). */
export async function snapshotFiles(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const rel of (await fs.readdir(dir, { recursive: true })).sort()) {
    const abs = path.join(dir, rel);
    if ((await fs.stat(abs)).isFile()) {
      out.set(rel.split(path.sep).join('/'), await fs.readFile(abs));
    }
  }
  return out;
}
