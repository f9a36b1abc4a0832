import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CoachingExtensionApi } from '../../src/extension';
import type { CommitmentsNode } from '../../src/views/commitmentsTree';

const EXTENSION_ID = 'coaching-journal.coaching-journal';
const RUNS = 5;

/** Everything the Commitments view would show: the groups and the commitments under them. */
async function treeItems(api: CoachingExtensionApi): Promise<number> {
  const groups = await api.commitmentsTree.getChildren();
  let n = 0;
  for (const g of groups) {
    api.commitmentsTree.getTreeItem(g);
    for (const c of await api.commitmentsTree.getChildren(g as CommitmentsNode)) {
      api.commitmentsTree.getTreeItem(c);
      n++;
    }
  }
  return n;
}

/**
 * Loading the bundle as VS Code does — require(): read, compile, evaluate — which the banner's stamps
 * cannot see whole (they run after V8 has compiled the file). A copy of dist/extension.js beside it
 * (so that its `require('vscode')` gets this extension's API), with a unique last line so that V8 does
 * not reuse its first compile, is required afresh; its top level registers nothing. Median of RUNS.
 */
async function requireCost(extensionPath: string): Promise<{ ms: number; cpuMs: number }> {
  const main = path.join(extensionPath, 'dist', 'extension.js');
  const text = await fs.readFile(main, 'utf8');
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const copy = path.join(path.dirname(main), `.bench-require-${process.pid}-${i}.js`);
    await fs.writeFile(copy, `${text}\n// bench copy ${process.pid} ${i}\n`);
    try {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- requiring the bundle is what is measured
      require(copy);
      ms.push(performance.now() - t0);
      cpu.push(cpuMsSince(c0));
    } finally {
      delete require.cache[copy];
      await fs.rm(copy, { force: true });
    }
  }
  return { ms: median(ms), cpuMs: median(cpu) };
}

/** CPU time (user + system, the whole extension host process) since `start`, in ms. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(start);
  return (c.user + c.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

describe('Host benchmark', () => {
  it('measures activation and the time until the Commitments view has its items', async () => {
    const extension = vscode.extensions.getExtension<CoachingExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    await api.journal.ready;
    const { timings, journal } = api;
    const readyAt = journal.firstReadyAt;
    assert.ok(readyAt !== undefined);
    const startup = journal.loadStats;
    const t0 = performance.now();
    const items = await treeItems(api);
    const startupTree = performance.now() - t0;
    const required = await requireCost(extension.extensionPath);
    assert.ok(items > 0, 'the Commitments view has items');

    /** RUNS reloads of the journal until the view has its items (each after `before`, then `after`, neither timed): medians. */
    const timeReloads = async (before: () => Promise<unknown>, after: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number; stats: typeof journal.loadStats }> => {
      const ms: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await before();
        const start = performance.now();
        const c0 = process.cpuUsage();
        await journal.reload();
        const n = await treeItems(api);
        ms.push(performance.now() - start);
        cpu.push(cpuMsSince(c0));
        assert.strictEqual(n, items);
        await after();
      }
      return { ms: median(ms), cpuMs: median(cpu), stats: journal.loadStats };
    };
    const nothing = (): Promise<void> => Promise.resolve();
    // A restart: the cache written, then the journal read again from it.
    await journal.writeCache();
    const warm = await timeReloads(nothing, nothing);
    // Without the cache: every note read and parsed again (the cache written after, not timed).
    const cacheFile = api.journalCache!.fileFor(journal.journalsWithNotes()[0].store.root);
    const cold = await timeReloads(() => Promise.resolve(vscode.workspace.fs.delete(cacheFile)).catch(() => undefined), () => journal.writeCache());
    console.log('BENCH_HOST ' + JSON.stringify({
      notes: startup.notes,
      items,
      activationMs: timings.activateEnd - timings.loadStart,
      activateOnlyMs: timings.activateEnd - timings.activateStart,
      bundleLoadMs: timings.loadEnd - timings.loadStart,
      activateOnlyCpuMs: timings.activateCpuMs,
      requireMs: required.ms,
      requireCpuMs: required.cpuMs,
      bundleLoadCpuMs: timings.loadCpuMs,
      startupToTreeMs: readyAt - timings.activateStart + startupTree,
      startupRestored: startup.restored,
      warmToTreeMs: warm.ms,
      warmCpuMs: warm.cpuMs,
      warmRestored: warm.stats.restored,
      coldToTreeMs: cold.ms,
      coldCpuMs: cold.cpuMs,
      coldParsed: cold.stats.parsed,
    }));
  });
});
