/**
 * `npm run bench`: generates synthetic journals (bench/generate.ts) in a temporary folder and measures,
 * in this one process, the raw-read floor, a naive gray-matter baseline and our own index: cold, warm
 * (from a cache), incremental updates, listing, the map data, heap, bundle and VSIX size. Prints one
 * markdown table per journal size, each time beside its floor and its budget. Timings are never
 * asserted in `npm test`; this is the judge.
 *
 * Options: --sizes 100,1000,10000   --runs 3   --no-package (skip the bundle and VSIX sizes)
 *          --no-host (skip the measurements in the real extension host)
 *          --no-browser (skip the map's first paint in Chromium, bench/mapPaint.ts)
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import matter from 'gray-matter';
import {
  JournalIndex, loadJournal, noteFromBytes, listCommitments, buildValuesMap, serializeNotes, decodeCache, freshNotes,
  recordOutcomeEdits, addLearningEdits, applyEdits, decodeBytes, type FileStamp,
} from '../src/core';
import { NodeJournalStore } from '../src/cli/nodeStore';
import { generateJournal, prng } from './generate';
import { runHostBench } from './host';

const TODAY = '2026-11-24';
const CONCURRENCY = 64; // loadJournal's default
const ROOT = path.resolve(__dirname, '../..');

const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (argValue('--sizes') ?? '100,1000,10000').split(',').map(Number);
const RUNS = Number(argValue('--runs') ?? 3);
const PACKAGE = !args.includes('--no-package');
const HOST = !args.includes('--no-host');
const HOST_SESSIONS = 1000;
/** The floor of each journal size measured in this run, for the host rows' ratios. */
const floors = new Map<number, number>();

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('Run with node --expose-gc (npm run bench does).');
  process.exit(2);
}

// ----------------------------------------------------------------------------------------------------
// Measuring

const now = (): number => performance.now();

/**
 * Runs `fn` once to warm up, then `runs` times after a full GC each (and after `setup`, untimed);
 * returns the median wall-clock time and the median CPU time of the process (all threads) in ms.
 */
async function measure<T>(fn: () => Promise<T> | T, runs = RUNS, setup?: () => void): Promise<{ ms: number; cpu: number; all: number[]; result: Awaited<T> }> {
  setup?.();
  let result = await fn();
  const all: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    result = undefined as Awaited<T>;
    setup?.();
    gc!();
    const c0 = process.cpuUsage();
    const t0 = now();
    result = await fn();
    all.push(now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { ms: median(all), cpu: median(cpus), all, result };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Runs `work(path)` over `paths`, `CONCURRENCY` at a time (the same pool shape as loadJournal). */
async function pool<T>(paths: string[], work: (p: string) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      out[i] = await work(paths[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, Math.max(1, paths.length)) }, worker));
  return out;
}

// ----------------------------------------------------------------------------------------------------
// Reporting

interface Row {
  what: string;
  value: string;
  ratio?: string;
  cpu?: string;
  budget?: string;
  ok?: boolean;
}

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) + ' ms';
const fmtRatio = (ms: number, floor: number): string => `${(ms / floor).toFixed(2)}×`;
const fmtMB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const fmtKB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const cpuCell = (m: { cpu: number }, floor: { cpu: number }): string => `${fmtMs(m.cpu)} (${fmtRatio(m.cpu, floor.cpu)})`;
const mark = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? '✓' : '✗');

function printTable(title: string, rows: Row[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| Measurement | Wall clock | × floor | CPU time (× floor) | Budget | |');
  console.log('|---|--:|--:|--:|---|:-:|');
  for (const r of rows) {
    console.log(`| ${r.what} | ${r.value} | ${r.ratio ?? ''} | ${r.cpu ?? ''} | ${r.budget ?? ''} | ${mark(r.ok)} |`);
  }
}

const verdicts: { what: string; ok: boolean; detail: string }[] = [];
function budget(what: string, value: number, limit: number, unit: string, fmt: (n: number) => string): { budget: string; ok: boolean } {
  const ok = value <= limit;
  verdicts.push({ what, ok, detail: `${fmt(value)} vs ≤ ${fmt(limit)}${unit}` });
  return { budget: `≤ ${fmt(limit)}${unit}`, ok };
}

// ----------------------------------------------------------------------------------------------------
// The journal on disk

async function writeJournal(dir: string, files: Map<string, string>): Promise<{ bytes: number }> {
  let bytes = 0;
  const dirs = new Set<string>();
  for (const rel of files.keys()) {
    dirs.add(path.dirname(rel));
  }
  for (const d of dirs) {
    await fs.mkdir(path.join(dir, d), { recursive: true });
  }
  const entries = [...files.entries()];
  await pool(entries.map((_, i) => String(i)), async (i) => {
    const [rel, text] = entries[Number(i)];
    const data = Buffer.from(text, 'utf8');
    bytes += data.length;
    await fs.writeFile(path.join(dir, rel), data);
  });
  return { bytes };
}

async function statAll(store: NodeJournalStore, paths: string[]): Promise<Map<string, FileStamp>> {
  const stats = await pool(paths, (p) => fs.stat(store.abs(p)));
  const stamps = new Map<string, FileStamp>();
  paths.forEach((p, i) => stamps.set(p, { mtime: stats[i].mtimeMs, size: stats[i].size }));
  return stamps;
}

/**
 * Warm start, as the extension does it: list, then every stat asked for at once and the cache decoded
 * while they are answered, the notes of unchanged files restored, the others parsed, snapshot.
 */
async function warmStart(store: NodeJournalStore, cacheFile: string): Promise<{ index: JournalIndex; restored: number; parsed: number }> {
  const text = fs.readFile(cacheFile, 'utf8').catch(() => undefined);
  const paths = await store.list();
  const statting = Promise.all(paths.map((p) => fs.stat(store.abs(p))));
  const decoded = decodeCache(await text);
  const stats = await statting;
  const stamps = new Map<string, FileStamp>();
  paths.forEach((p, i) => stamps.set(p, { mtime: stats[i].mtimeMs, size: stats[i].size }));
  const { notes, stale } = freshNotes(decoded, stamps);
  const index = new JournalIndex();
  for (const note of notes) {
    index.setNote(note);
  }
  await pool(stale, async (p) => index.setNote(noteFromBytes(p, await store.read(p))));
  index.snapshot();
  return { index, restored: notes.length, parsed: stale.length };
}

// ----------------------------------------------------------------------------------------------------

async function benchSize(sessions: number, tmp: string): Promise<void> {
  const gen = generateJournal({ sessions });
  const dir = path.join(tmp, `journal-${sessions}`);
  const { bytes } = await writeJournal(dir, gen.files);
  const store = new NodeJournalStore(dir);
  const paths = await store.list();
  const editTargets = [...gen.files.keys()].filter((p) => p.startsWith('sessions/'));
  gen.files.clear();
  const rows: Row[] = [];
  const is10k = sessions === 10000;

  // Heap: a cold index with nothing else alive (measured first, before any other index exists).
  gc!();
  const heapBefore = process.memoryUsage().heapUsed;
  let fresh: JournalIndex | undefined = new JournalIndex();
  await loadJournal(store, fresh);
  fresh.snapshot();
  fresh.diagnostics();
  gc!();
  const heapAfter = process.memoryUsage().heapUsed;
  const heapBudget = is10k ? budget('Heap used after indexing, 10,000 sessions', heapAfter / 1048576, 150, ' MB', (n) => n.toFixed(0)) : undefined;
  const heapRow: Row = { what: `Heap used after indexing, after a full GC (of which the index: ${fmtMB(heapAfter - heapBefore)})`, value: fmtMB(heapAfter), budget: heapBudget?.budget, ok: heapBudget?.ok };
  if (fresh.size !== paths.length) {
    throw new Error('index lost notes');
  }
  fresh = undefined;


  // The floor: listing and reading every file's bytes, as loadJournal does (same pool), nothing else.
  const floor = await measure(async () => {
    const ps = await store.list();
    await pool(ps, (p) => store.read(p));
  });
  rows.push({ what: `Floor: list + read every file's bytes (fs.readFile, ${CONCURRENCY} at a time)`, value: fmtMs(floor.ms), ratio: '1.00×', cpu: cpuCell(floor, floor) });
  floors.set(sessions, floor.ms);

  // Naive baseline: gray-matter with its defaults (js-yaml 3) on every file.
  const naive = await measure(async () => {
    (matter as unknown as { clearCache(): void }).clearCache(); // gray-matter caches by content: a second run would measure a lookup
    const ps = await store.list();
    await pool(ps, async (p) => matter(Buffer.from(await store.read(p)).toString('utf8')));
  });
  rows.push({ what: 'Naive: gray-matter defaults on every file', value: fmtMs(naive.ms), ratio: fmtRatio(naive.ms, floor.ms), cpu: cpuCell(naive, floor) });

  // Ours, cold: loadJournal over the Node store, then the snapshot the views read.
  const cold = await measure(async () => {
    const index = new JournalIndex();
    await loadJournal(store, index);
    index.snapshot();
    return index;
  });
  const coldBudget = is10k ? budget('Cold index, 10,000 sessions', cold.ms, 1500, ' ms', (n) => n.toFixed(0)) : undefined;
  const coldRatioBudget = is10k ? budget('Cold index ÷ floor, 10,000 sessions', cold.ms / floor.ms, 10, '×', (n) => n.toFixed(2)) : undefined;
  rows.push({
    what: 'Ours, cold: loadJournal (read + parse + index) + snapshot()', value: fmtMs(cold.ms), ratio: fmtRatio(cold.ms, floor.ms), cpu: cpuCell(cold, floor),
    budget: is10k ? `${coldBudget!.budget}, ${coldRatioBudget!.budget}` : undefined, ok: is10k ? coldBudget!.ok && coldRatioBudget!.ok : undefined,
  });

  // The whole-journal diagnostics (the Problems panel), computed from scratch after the snapshot.
  const index = cold.result;
  let copy = new JournalIndex();
  const diag = await measure(() => copy.diagnostics().length, RUNS, () => {
    copy = new JournalIndex();
    for (const note of index.allNotes()) {
      copy.setNote(note);
    }
    copy.snapshot();
  });
  copy = new JournalIndex();
  rows.push({ what: `diagnostics() of the whole journal, first time (${diag.result} found)`, value: fmtMs(diag.ms), ratio: fmtRatio(diag.ms, floor.ms), cpu: cpuCell(diag, floor) });

  // The cache: written after the cold load, kept where the extension's storage would be.
  const cacheFile = path.join(tmp, `cache-${sessions}.txt`);
  const stamps = await statAll(store, paths);
  const ser = await measure(async () => {
    const text = serializeNotes(index.allNotes(), stamps);
    await fs.writeFile(cacheFile, text);
    return text.length;
  });
  rows.push({ what: 'Writing the cache (serializeNotes + write)', value: `${fmtMs(ser.ms)} (${fmtMB(ser.result)})`, ratio: fmtRatio(ser.ms, floor.ms), cpu: cpuCell(ser, floor) });

  // Warm start from that cache.
  const warm = await measure(() => warmStart(store, cacheFile));
  if (warm.result.restored !== paths.length) {
    throw new Error(`warm start restored ${warm.result.restored} of ${paths.length} notes`);
  }
  const warmBudget = is10k ? budget('Warm start, 10,000 sessions', warm.ms, 300, ' ms', (n) => n.toFixed(0)) : undefined;
  rows.push({ what: `Ours, warm: list + stat + read cache + restore ${warm.result.restored} notes + snapshot()`, value: fmtMs(warm.ms), ratio: fmtRatio(warm.ms, floor.ms), cpu: cpuCell(warm, floor), budget: warmBudget?.budget, ok: warmBudget?.ok });

  // Incremental: 200 edits of random session files (an outcome recorded, or a learning added), each
  // followed by what the extension does next: setText + snapshot() + diagnostics().
  const rand = prng(sessions);
  const texts = new Map<string, string>();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < 201; i++) {
    const rel = editTargets[Math.floor(rand() * editTargets.length)];
    const before = texts.get(rel) ?? decodeBytes(await store.read(rel)).text;
    const note = index.get(rel)!;
    const action = note.session?.actions[0]?.id;
    const edits = i % 2 === 0 && action ? recordOutcomeEdits(before, action, { outcome: 'done', on: TODAY }) : addLearningEdits(before, { id: `l-20261124-b${i.toString(36).padStart(3, '0')}`, text: `Benchmark learning ${i}`, evidence: false });
    const after = applyEdits(before, edits);
    texts.set(rel, after);
    gc!();
    const c0 = process.cpuUsage();
    const t0 = now();
    index.setText(rel, after);
    index.snapshot();
    index.diagnostics();
    const t = now() - t0;
    const c = process.cpuUsage(c0);
    if (i > 0) {
      times.push(t); // the first is the warm-up
      cpuTimes.push((c.user + c.system) / 1000);
    }
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const incBudget = is10k ? budget('Incremental update p95, 10,000 sessions', p95, 5, ' ms', (n) => n.toFixed(2)) : undefined;
  rows.push({ what: 'Incremental update p50 (setText + snapshot() + diagnostics(), 200 edits)', value: fmtMs(p50), ratio: fmtRatio(p50, floor.ms), cpu: cpuCell({ cpu: percentile(cpuTimes, 50) }, floor) });
  rows.push({ what: 'Incremental update p95', value: fmtMs(p95), ratio: fmtRatio(p95, floor.ms), cpu: cpuCell({ cpu: percentile(cpuTimes, 95) }, floor), budget: incBudget?.budget, ok: incBudget?.ok });

  // Listing open commitments and the map data, on the current snapshot.
  const snap = index.snapshot();
  const list = await measure(() => listCommitments(snap, 'open', TODAY).length, 5);
  rows.push({ what: `listCommitments('open') (${list.result} open of ${snap.commitments.length})`, value: fmtMs(list.ms), ratio: fmtRatio(list.ms, floor.ms), cpu: cpuCell(list, floor) });
  const map = await measure(() => buildValuesMap(snap, { today: TODAY }).nodes.length, 5);
  rows.push({ what: `buildValuesMap (${map.result} nodes)`, value: fmtMs(map.ms), ratio: fmtRatio(map.ms, floor.ms), cpu: cpuCell(map, floor) });

  rows.push(heapRow);

  printTable(`${sessions.toLocaleString('en-US')} sessions — ${paths.length.toLocaleString('en-US')} files, ${fmtMB(bytes)} (median of ${RUNS} runs after a warm-up)`, rows);
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(cacheFile, { force: true });
}

async function benchMap(): Promise<void> {
  const gen = generateJournal({ sessions: 1000, openShare: 1, seed: 7 });
  const index = new JournalIndex();
  for (const [rel, text] of gen.files) {
    index.setText(rel, decodeBytes(Buffer.from(text, 'utf8')).text);
  }
  const snap = index.snapshot();
  const open = listCommitments(snap, 'open', TODAY).length;
  const map = await measure(() => buildValuesMap(snap, { today: TODAY }).nodes.length, 5);
  const list = await measure(() => listCommitments(snap, 'open', TODAY).length, 5);
  const b = budget(`Map data, ${open.toLocaleString('en-US')} open commitments`, map.ms, 50, ' ms', (n) => n.toFixed(1));
  printTable(`A journal of ${open.toLocaleString('en-US')} open commitments (1,000 sessions)`, [
    { what: `buildValuesMap (${map.result} nodes)`, value: fmtMs(map.ms), cpu: fmtMs(map.cpu), budget: b.budget, ok: b.ok },
    { what: `listCommitments('open') (${list.result})`, value: fmtMs(list.ms), cpu: fmtMs(list.cpu) },
  ]);
}

async function benchBundle(): Promise<void> {
  const rows: Row[] = [];
  let vsix: number | undefined;
  try {
    execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'pipe' });
    vsix = (await fs.stat(path.join(ROOT, 'coaching-journal.vsix'))).size;
  } catch {
    execFileSync(process.execPath, ['esbuild.config.mjs', '--production'], { cwd: ROOT, stdio: 'pipe' });
  }
  const size = async (file: string): Promise<number> => (await fs.stat(path.join(ROOT, 'dist', file))).size;
  // The extension's JavaScript: the bundle evaluated at activation and the libraries it loads on first
  // use (esbuild.config.mjs). The budget is for all of it.
  const ext = await size('extension.js');
  const lazy = [
    { file: 'js-yaml.js', when: 'loaded when the first note is parsed (not on a start from the cache)' },
    { file: 'yaml.js', when: 'loaded on the first edit of a note' },
  ];
  const lazySizes = await Promise.all(lazy.map((l) => size(l.file)));
  const total = ext + lazySizes.reduce((a, b) => a + b, 0);
  const cli = await size('cli.js');
  const b = budget('Extension bundle, minified (activation bundle + files loaded on first use)', total / 1024, 300, ' KB', (n) => n.toFixed(1));
  rows.push({ what: 'The extension\'s JavaScript, minified: the three files below', value: fmtKB(total), budget: b.budget, ok: b.ok });
  rows.push({ what: 'dist/extension.js, evaluated at activation', value: fmtKB(ext) });
  lazy.forEach((l, i) => rows.push({ what: `dist/${l.file}, ${l.when}`, value: fmtKB(lazySizes[i]) }));
  rows.push({ what: 'dist/cli.js, minified', value: fmtKB(cli) });
  rows.push({ what: 'VSIX (npm run package)', value: vsix === undefined ? 'npm run package failed' : fmtKB(vsix) });
  printTable('Bundle and package', rows);
}

async function benchHost(tmp: string): Promise<void> {
  const r = await runHostBench(ROOT, tmp, HOST_SESSIONS);
  const floor = floors.get(HOST_SESSIONS);
  const ratio = (ms: number): string | undefined => (floor ? fmtRatio(ms, floor) : undefined);
  const ours = r.bundleLoadMs + r.activateOnlyMs;
  const act = budget('Activation (evaluating the bundle + activate())', ours, 50, ' ms', (n) => n.toFixed(1));
  printTable(`In the real extension host (code-server ${'4.139.1'}, ${r.notes.toLocaleString('en-US')} notes, ${r.items} commitments in the view; × floor: the ${HOST_SESSIONS.toLocaleString('en-US')}-session floor above)`, [
    { what: 'Activation: evaluating the bundle + activate() (the journal is read after it)', value: fmtMs(ours), cpu: fmtMs(r.bundleLoadCpuMs + r.activateOnlyCpuMs), budget: act.budget, ok: act.ok },
    { what: 'of which evaluating the bundle', value: fmtMs(r.bundleLoadMs), cpu: fmtMs(r.bundleLoadCpuMs) },
    { what: 'of which activate() itself', value: fmtMs(r.activateOnlyMs), cpu: fmtMs(r.activateOnlyCpuMs) },
    { what: 'require() of a fresh copy of the bundle: read + compile + evaluate (the stamps above start after the compile; median of 5)', value: fmtMs(r.requireMs), cpu: fmtMs(r.requireCpuMs) },
    { what: 'From loading the bundle to the end of activate(), with VS Code\'s own start-up work in between (not ours)', value: fmtMs(r.activationMs) },
    { what: `Start-up: activate() until the Commitments view has its items (no cache yet; the workbench starting too)`, value: fmtMs(r.startupToTreeMs), ratio: ratio(r.startupToTreeMs) },
    { what: `Restart: reload from the cache (${r.warmRestored} notes restored) until the view has its items`, value: fmtMs(r.warmToTreeMs), ratio: ratio(r.warmToTreeMs), cpu: fmtMs(r.warmCpuMs) },
    { what: `Reload without the cache (${r.coldParsed} notes parsed) until the view has its items`, value: fmtMs(r.coldToTreeMs), ratio: ratio(r.coldToTreeMs), cpu: fmtMs(r.coldCpuMs) },
  ]);
}

async function main(): Promise<void> {
  console.log(`# Coaching Journal benchmark\n\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${fmtMB(os.totalmem())} RAM, ${os.platform()} ${os.release()}`);
  console.log('Files are written first, so reads come from the OS page cache (a warm disk), for the floor and for us alike.');
  const load = (): string => os.loadavg().map((x) => x.toFixed(1)).join(', ');
  console.log(`Load average at start: ${load()} (on ${os.cpus().length} CPUs: above that, other processes compete for the CPU and wall-clock times grow; CPU times much less).`);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cj-bench-'));
  const cleanup = (): void => {
    void fs.rm(tmp, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    for (const n of SIZES) {
      await benchSize(n, tmp);
    }
    await benchMap();
    if (!args.includes('--no-browser')) {
      // The map webview's first paint in Chromium (bench/mapPaint.ts says how it is measured).
      // Loaded only now: playwright-core would otherwise sit in the heap the tables above measure.
      const { benchMapPaint } = await import('./mapPaint');
      const p = await benchMapPaint(ROOT, TODAY, Math.max(RUNS, 7));
      const b = budget(`Map first paint in Chromium, ${p.commitments.toLocaleString('en-US')} commitments`, p.map.ms, 500, ' ms', (n) => n.toFixed(0));
      printTable(`The values map in the browser: ${p.nodes.toLocaleString('en-US')} nodes, a ${fmtMB(p.messageBytes)} render message (median of ${p.map.all.length} fresh pages)`, [
        { what: 'Baseline: the same number of plain text nodes, message to first paint', value: fmtMs(p.baseline.ms) },
        { what: 'map.js: render message to first paint of the map', value: fmtMs(p.map.ms), ratio: fmtRatio(p.map.ms, p.baseline.ms), budget: b.budget, ok: b.ok },
      ]);
    }
    if (PACKAGE) {
      await benchBundle();
    }
    if (HOST) {
      await benchHost(tmp);
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  console.log(`\nLoad average at end: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}`);
  console.log('\n### Budgets\n');
  for (const v of verdicts) {
    console.log(`- ${v.ok ? '✓' : '✗'} ${v.what}: ${v.detail}`);
  }
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

