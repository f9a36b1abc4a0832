/**
 * The benchmark's measurements inside the real extension host (issue 8): writes a generated journal of
 * 1,000 sessions as a workspace, runs bench/host/ in code-server's extension host through the test
 * harness (test/harness/runIntegration.ts), and reads back the `BENCH_HOST` line it prints.
 */
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { generateJournal } from './generate';

export interface HostResult {
  notes: number;
  items: number;
  activationMs: number;
  activateOnlyMs: number;
  bundleLoadMs: number;
  /** CPU time (user + system) of the extension host process during activate() and while the bundle was evaluated. */
  activateOnlyCpuMs: number;
  bundleLoadCpuMs: number;
  /** require() of a fresh copy of the bundle in the extension host (read + compile + evaluate), wall and CPU. */
  requireMs: number;
  requireCpuMs: number;
  startupToTreeMs: number;
  startupRestored: number;
  warmToTreeMs: number;
  /** CPU time (user + system) of the extension host process during the reloads above and below (medians). */
  warmCpuMs: number;
  coldCpuMs: number;
  warmRestored: number;
  coldToTreeMs: number;
  coldParsed: number;
}

export async function runHostBench(root: string, tmp: string, sessions: number): Promise<HostResult> {
  const workspace = path.join(tmp, 'host-workspace');
  const gen = generateJournal({ sessions });
  for (const [rel, text] of gen.files) {
    const file = path.join(workspace, 'coaching', rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
  }
  const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): string => {
    const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
    }
    return r.stdout;
  };
  // The extension as it ships (minified), and the harness and the suite compiled.
  run(process.execPath, ['esbuild.config.mjs', '--production']);
  run('npm', ['run', 'build:tests']);
  const out = run(process.execPath, ['out/test/harness/runIntegration.js'], {
    INTEGRATION_WORKSPACE: workspace,
    INTEGRATION_SUITE: path.join(root, 'out', 'bench', 'host', 'index'),
  });
  const line = out.split('\n').find((l) => l.includes('BENCH_HOST '));
  if (!line) {
    throw new Error(`the host suite printed no result:\n${out.slice(-3000)}`);
  }
  await fs.rm(workspace, { recursive: true, force: true });
  return JSON.parse(line.slice(line.indexOf('BENCH_HOST ') + 'BENCH_HOST '.length)) as HostResult;
}
