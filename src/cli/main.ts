/**
 * coaching-journal: the journal core on the command line, for terminals, pre-commit hooks and CI.
 * Exit status: 0 fine; 1 a problem found (`check`), an id not found, or a file that cannot be parsed;
 * 2 a usage error. Errors go to stderr in one line.
 */
import { parseArgs } from 'util';
import { promises as fs } from 'fs';
import * as path from 'path';
import {
  JournalIndex, loadJournal, listCommitments, isOverdue, dueLabel, recordOutcomeEdits, applyEdits, decodeBytes,
  encodeText, EditError, isValidDate, localDate, computeStats, formatRate, buildValuesMap, mapToMermaid, mapOptionsFor, isMapFilters, renderEvidence,
  effectiveValues, OUTCOMES, LENSES, type Outcome, type Lens, type StatusFilter, type Diagnostic,
} from '../core';
import { NodeJournalStore } from './nodeStore';

export const USAGE = `Usage: coaching-journal [--dir DIR] [--today YYYY-MM-DD] <command>

Commands:
  list    [--status open|overdue|closed|all] [--json]   commitments (default: open)
  check   [--json] [--strict]                           every problem as file:line:col: severity: message
  outcome <action-id> <done|partly|not-done|let-go> [--learning TEXT] [--lens doing|outcome|not-doing]
  export  [--from DATE] [--to DATE] [-o FILE]           promotion-evidence markdown
  stats   [--json]                                      sessions, streak, follow-through per area/value
  map     [--format mermaid|json]                       the values-to-actions map as data (as the map view
          [--include open|all] [--period month|quarter|year|all] [--focus ID]   shows it with these filters)

Options:
  --dir DIR            the journal folder (default: ./coaching)
  --today YYYY-MM-DD   the date that counts as today (default: the local date)
  --cadence DAYS       days between sessions, for streaks (default: 7)
  -h, --help           this help`;

/** File-system errors in words, for the one line the CLI prints. */
const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'this is a folder, not a file',
  ENOTDIR: 'a part of this path is a file, not a folder',
  ENAMETOOLONG: 'the name is too long for the file system',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

class UsageError extends Error {}
class Failure extends Error {}

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  now: () => Date;
}

const STATUS_FILTERS: StatusFilter[] = ['open', 'overdue', 'closed', 'all'];

/** Runs the CLI and returns its exit status. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`coaching-journal: ${e.message}\nRun coaching-journal --help for usage.\n`);
      return 2;
    }
    if (e instanceof Failure || e instanceof EditError) {
      io.stderr(`coaching-journal: ${e.message}\n`);
      return 1;
    }
    const fsError = e as NodeJS.ErrnoException;
    if (fsError.code && FS_REASONS[fsError.code] && fsError.path) {
      io.stderr(`coaching-journal: ${fsError.path}: ${FS_REASONS[fsError.code]}. Nothing was changed.\n`);
      return 1;
    }
    io.stderr(`coaching-journal: unexpected error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    return 1;
  }
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        dir: { type: 'string' },
        today: { type: 'string' },
        cadence: { type: 'string' },
        status: { type: 'string' },
        json: { type: 'boolean' },
        strict: { type: 'boolean' },
        learning: { type: 'string' },
        lens: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        format: { type: 'string' },
        include: { type: 'string' },
        period: { type: 'string' },
        focus: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
}

const ALLOWED: Record<string, string[]> = {
  list: ['status', 'json'],
  check: ['json', 'strict'],
  outcome: ['learning', 'lens'],
  export: ['from', 'to', 'output'],
  stats: ['json'],
  map: ['format', 'include', 'period', 'focus'],
};

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values: opts, positionals } = parse(argv);
  if (opts.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const [command, ...args] = positionals;
  if (!command) {
    throw new UsageError('no command given');
  }
  if (!(command in ALLOWED)) {
    throw new UsageError(`unknown command "${command}"`);
  }
  for (const key of Object.keys(opts)) {
    if (!['dir', 'today', 'cadence', 'help'].includes(key) && !ALLOWED[command].includes(key)) {
      throw new UsageError(`--${key} does not go with ${command}`);
    }
  }
  const today = opts.today ?? localDate(io.now());
  if (!isValidDate(today)) {
    throw new UsageError(`--today "${today}" is not a date: use YYYY-MM-DD`);
  }
  const cadence = opts.cadence === undefined ? 7 : Number(opts.cadence);
  if (!Number.isInteger(cadence) || cadence < 1) {
    throw new UsageError('--cadence must be a whole number of days, 1 or more');
  }
  if (command !== 'outcome' && args.length > 0) {
    throw new UsageError(`${command} takes no arguments (got "${args[0]}")`);
  }
  const dirArg = opts.dir ?? 'coaching';
  const root = path.resolve(io.cwd, dirArg);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new Failure(`no journal folder at ${dirArg}: pass --dir with the folder that holds big-picture.md and sessions/`);
  }
  const store = new NodeJournalStore(root);
  const index = new JournalIndex();
  await loadJournal(store, index);
  const shown = (rel: string) => path.join(dirArg, ...rel.split('/'));

  switch (command) {
    case 'list':
      return list(index, today, opts.status ?? 'open', !!opts.json, shown, io);
    case 'check':
      return check(index, !!opts.json, !!opts.strict, shown, io);
    case 'outcome':
      return outcome(index, store, args, opts.learning, opts.lens, today, shown, io);
    case 'export':
      return exportEvidence(index, opts.from, opts.to, opts.output, io);
    case 'stats':
      return stats(index, today, cadence, !!opts.json, io);
    case 'map':
      return map(index, today, opts.format ?? 'mermaid', { include: opts.include ?? 'open', period: opts.period ?? 'month', focus: opts.focus }, io);
  }
  throw new UsageError(`unknown command "${command}"`);
}

function list(index: JournalIndex, today: string, status: string, json: boolean, shown: (p: string) => string, io: CliIO): number {
  if (!STATUS_FILTERS.includes(status as StatusFilter)) {
    throw new UsageError(`--status must be one of ${STATUS_FILTERS.join(', ')}`);
  }
  const snap = index.snapshot();
  const items = listCommitments(snap, status as StatusFilter, today);
  if (json) {
    io.stdout(JSON.stringify(items.map((c) => ({
      id: c.id, text: c.text, status: c.status, overdue: isOverdue(c, today), due: c.due ?? null, focus: c.focus ?? null,
      values: effectiveValues(c, snap), file: shown(c.loc.file), line: c.loc.line + 1,
    })), null, 2) + '\n');
    return 0;
  }
  if (items.length === 0) {
    io.stdout(`No ${status === 'all' ? '' : status + ' '}commitments.\n`);
    return 0;
  }
  for (const c of items) {
    const when = c.status === 'open' ? (dueLabel(c, today) ?? 'no due date') : `${c.status}${c.closed ? ' ' + c.closed : ''}`;
    io.stdout(`${c.id}  ${when.padEnd(16)}  ${c.text}${c.focus ? `  [${c.focus}]` : ''}  (${shown(c.loc.file)}:${c.loc.line + 1})\n`);
  }
  return 0;
}

function check(index: JournalIndex, json: boolean, strict: boolean, shown: (p: string) => string, io: CliIO): number {
  const diags = index.diagnostics();
  const count = (s: Diagnostic['severity']) => diags.filter((d) => d.severity === s).length;
  if (json) {
    io.stdout(JSON.stringify(diags.map((d) => ({ file: shown(d.file), line: d.line + 1, column: d.character + 1, severity: d.severity, code: d.code, message: d.message })), null, 2) + '\n');
  } else {
    for (const d of diags) {
      io.stdout(`${shown(d.file)}:${d.line + 1}:${d.character + 1}: ${d.severity}: ${d.message}\n`);
    }
    const errors = count('error');
    const warnings = count('warning');
    const infos = count('info');
    io.stdout(`${index.size} notes checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} note${infos === 1 ? '' : 's'}.\n`);
  }
  return count('error') > 0 || (strict && count('warning') > 0) ? 1 : 0;
}

async function outcome(index: JournalIndex, store: NodeJournalStore, args: string[], learning: string | undefined, lens: string | undefined, today: string, shown: (p: string) => string, io: CliIO): Promise<number> {
  const [id, result, extra] = args;
  if (!id || !result || extra !== undefined) {
    throw new UsageError('outcome takes an action id and one of done, partly, not-done, let-go');
  }
  if (!(OUTCOMES as readonly string[]).includes(result)) {
    throw new UsageError(`"${result}" is not an outcome: use one of ${OUTCOMES.join(', ')}`);
  }
  if (lens !== undefined && !(LENSES as readonly string[]).includes(lens)) {
    throw new UsageError(`--lens must be one of ${LENSES.join(', ')}`);
  }
  if (lens !== undefined && learning === undefined) {
    throw new UsageError('--lens goes with --learning');
  }
  const c = index.snapshot().commitmentById.get(id);
  if (!c) {
    const unreadable = [...index.allNotes()].filter((n) => !n.parseable).length;
    const hint = unreadable === 0 ? '' : `; ${unreadable} note${unreadable === 1 ? '' : 's'} cannot be read and may hold it (see coaching-journal check)`;
    throw new Failure(`no commitment with id ${id}: run "coaching-journal list --status all" to see the ids${hint}`);
  }
  const note = index.get(c.loc.file);
  if (!note?.parseable) {
    throw new Failure(`${shown(c.loc.file)} cannot be parsed; fix it first (see coaching-journal check). Nothing was changed.`);
  }
  const bytes = await store.read(c.loc.file);
  const decoded = decodeBytes(bytes);
  const defaultLens: Lens = result === 'done' || result === 'partly' ? 'doing' : 'not-doing';
  let edits;
  try {
    edits = recordOutcomeEdits(decoded.text, id, {
      outcome: result as Outcome,
      on: today,
      learning: learning !== undefined ? { lens: (lens as Lens | undefined) ?? defaultLens, text: learning } : undefined,
    });
  } catch (e) {
    // Say which file: the message of an EditError is about "this note".
    throw e instanceof EditError ? new Failure(`${shown(c.loc.file)}: ${e.message}`) : e;
  }
  await store.replace(c.loc.file, bytes, encodeText(applyEdits(decoded.text, edits), decoded.bom));
  io.stdout(`${id}: recorded ${result} in ${shown(c.loc.file)}\n`);
  return 0;
}

async function exportEvidence(index: JournalIndex, from: string | undefined, to: string | undefined, output: string | undefined, io: CliIO): Promise<number> {
  for (const [flag, v] of [['--from', from], ['--to', to]] as const) {
    if (v !== undefined && !isValidDate(v)) {
      throw new UsageError(`${flag} "${v}" is not a date: use YYYY-MM-DD`);
    }
  }
  const text = renderEvidence(index.snapshot(), { from, to });
  if (!output) {
    io.stdout(text);
    return 0;
  }
  const file = path.resolve(io.cwd, output);
  try {
    await NodeJournalStore.create(file, encodeText(text, false));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Failure(`${output} already exists; choose another file name (nothing was overwritten)`);
    }
    throw e;
  }
  io.stdout(`Evidence written to ${output}\n`);
  return 0;
}

function stats(index: JournalIndex, today: string, cadence: number, json: boolean, io: CliIO): number {
  const s = computeStats(index.snapshot(), today, cadence);
  if (json) {
    io.stdout(JSON.stringify(s, null, 2) + '\n');
    return 0;
  }
  const lines = [
    `Sessions: ${s.sessions}${s.firstSession ? ` (${s.firstSession} to ${s.lastSession})` : ''}`,
    `Streak: ${s.streak} session${s.streak === 1 ? '' : 's'} within ${cadence} days of each other`,
    `Commitments: ${s.commitments} made, ${s.open} open, ${s.carriedForward} carried forward`,
    `Follow-through: ${formatRate(s.overall.rate)} (done ${s.overall.done}, partly ${s.overall.partly}, not done ${s.overall.notDone}, let go ${s.overall.letGo})`,
    '',
    'By focus area:',
    ...s.byFocusArea.map((f) => `  ${f.name}: ${followThrough(f)}`),
    '',
    'By value:',
    ...s.byValue.map((v) => `  ${v.name}: ${followThrough(v)}`),
  ];
  io.stdout(lines.join('\n') + '\n');
  return 0;
}

function followThrough(f: { made: number; open: number; rate: number | undefined }): string {
  if (f.made === 0) {
    return 'no commitments yet';
  }
  const closed = f.made - f.open;
  return closed === 0 ? `${f.made} made, all still open` : `${formatRate(f.rate)} of ${closed} closed (${f.made} made, ${f.open} open)`;
}

function map(index: JournalIndex, today: string, format: string, filters: { include: string; period: string; focus?: string }, io: CliIO): number {
  if (format !== 'mermaid' && format !== 'json') {
    throw new UsageError('--format must be mermaid or json');
  }
  // The same filters, and so the same map data, as the map view in VS Code.
  const f = filters.focus ? filters : { include: filters.include, period: filters.period };
  if (!isMapFilters(f)) {
    throw new UsageError('--include must be open or all, --period month, quarter, year or all, --focus a focus area id');
  }
  const m = buildValuesMap(index.snapshot(), mapOptionsFor(f, today));
  io.stdout(format === 'json' ? JSON.stringify(m, null, 2) + '\n' : mapToMermaid(m));
  return 0;
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    now: () => new Date(),
  }).then((code) => {
    process.exitCode = code;
  });
}
