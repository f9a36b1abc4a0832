// Every process and temp dir the harness creates is registered here and released on exit, failure or
// Ctrl+C. Child processes get their own process group (detached), so stopping one stops exactly what
// we started, including its children (code-server's extension host, pty host, file watcher), and nothing else.
import { ChildProcess, spawn, SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { log, withTimeout } from './log';

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
const groups = new Set<number>();

/** Registers something to undo at the end of the run (last registered, first undone). */
export function onCleanup(fn: Cleanup): void {
  cleanups.push(fn);
}

let stopping = false;
/** True once cleanup has begun (a process exiting then is being stopped by us, not failing). */
export function isStopping(): boolean {
  return stopping;
}

let cleaning: Promise<void> | undefined;
/** Undoes everything registered; concurrent callers (signal handler, main) share one pass. */
export function cleanupAll(): Promise<void> {
  stopping = true;
  cleaning ??= runCleanups();
  return cleaning;
}

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    try {
      await withTimeout(Promise.resolve(fn()), 15_000, 'cleanup');
    } catch (error) {
      log(`cleanup failed: ${String(error)}`);
    }
  }
}

let handlersInstalled = false;
/** Ctrl+C / SIGTERM: release everything, then exit with the conventional code. */
export function installSignalHandlers(): void {
  if (handlersInstalled) {
    return;
  }
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping everything the harness started`);
      void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  // Last resort if the process exits without running cleanupAll (uncaught error): kill our groups synchronously.
  process.on('exit', () => {
    for (const pgid of groups) {
      killGroup(pgid, 'SIGKILL');
    }
  });
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a long-running process in its own group, stopped at cleanup (SIGTERM, then SIGKILL after 5 s). */
export function startProcess(command: string, args: string[], options: SpawnOptions, name: string): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  const pgid = child.pid;
  if (pgid === undefined) {
    throw new Error(`could not start ${name}`);
  }
  groups.add(pgid);
  log(`${name} started (pid ${pgid})`);
  onCleanup(() => stopProcess(child, name));
  return child;
}

/** Stops a process started by `startProcess` and its group (TERM, then KILL after 5 s); done again at cleanup, harmlessly. */
export async function stopProcess(child: ChildProcess, name: string): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined || !groups.has(pgid)) {
    return;
  }
  if (groupAlive(pgid)) {
    killGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (groupAlive(pgid) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    if (groupAlive(pgid)) {
      killGroup(pgid, 'SIGKILL');
    }
    log(`${name} stopped (pid ${pgid})`);
  }
  groups.delete(pgid);
}

/**
 * Runs a command to completion with a timeout; output goes to `logFile` (shown on failure) or inherits the
 * terminal. Rejects on a non-zero exit.
 */
export function runCommand(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number; logFile?: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = options.logFile ? fs.openSync(options.logFile, 'w') : 'inherit';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', out, out],
      detached: true,
    });
    const pgid = child.pid!;
    groups.add(pgid);
    const timer = setTimeout(() => {
      log(`timed out after ${options.timeoutMs / 1000}s: ${command} ${args.join(' ')}`);
      killGroup(pgid, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      groups.delete(pgid);
      if (typeof out === 'number') {
        fs.closeSync(out);
      }
      if (code === 0) {
        resolve();
        return;
      }
      const tail = options.logFile ? `\n${tailOf(options.logFile, 40)}` : '';
      reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code ?? signal}${tail}`));
    });
  });
}

export function tailOf(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** A fresh temp dir, removed at cleanup unless KEEP_TEMP=1 (to inspect a failed run). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `coaching-journal-${prefix}-`));
  onCleanup(() => {
    if (process.env.KEEP_TEMP === '1') {
      log(`kept ${dir}`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return dir;
}
