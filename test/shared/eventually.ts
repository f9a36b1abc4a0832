// One way for integration and e2e tests to check anything that renders or updates asynchronously (tree
// rows, badges, the status bar, webview DOM, files the extension writes, diagnostics): read it again and
// again until the assertion holds or the time is up, and on time-out say what was seen last. A check that
// reads such state once passes on a quiet machine and fails on a loaded one.
// Plain TypeScript with no imports beyond Node's assert: used by the extension host and by mocha in Node.
import * as assert from 'assert';

export interface PollOptions {
  /** How long to keep trying before failing (default 60 s: CI's two cores run the suites ~2x slower). */
  timeoutMs?: number;
  /** Pause between reads (default 100 ms). */
  intervalMs?: number;
}

export const POLL_TIMEOUT_MS = 60_000;

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text;
  } catch {
    return String(value);
  }
}

/**
 * Reads `read()` until `check(value)` stops throwing (an `assert` call inside it) or returns anything but
 * `false`, and returns the value that passed. On time-out it throws an error that names `what`, the last
 * value read and the last assertion's message. A `read` that throws counts as "not yet" too.
 */
export async function eventually<T>(
  what: string,
  read: () => T | Promise<T>,
  check: (value: T) => void | boolean,
  options: PollOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? POLL_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastValue: { value: T } | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await read();
      lastValue = { value };
      if (check(value) !== false) {
        return value;
      }
      lastError = new Error('the check returned false');
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const seen = lastValue ? `last seen: ${describeValue(lastValue.value)}` : 'nothing could be read';
      const why = lastError instanceof Error ? lastError.message : String(lastError);
      const failure = new Error(`${what}: still not so after ${timeoutMs / 1000}s; ${seen}\n${why}`);
      if (lastError instanceof assert.AssertionError) {
        failure.stack = `${failure.message}\n${lastError.stack ?? ''}`;
      }
      throw failure;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Reads until the value deep-equals `expected` (assert.deepStrictEqual); returns it. */
export function eventuallyEqual<T>(what: string, read: () => T | Promise<T>, expected: T, options?: PollOptions): Promise<T> {
  return eventually(what, read, (value) => assert.deepStrictEqual(value, expected), options);
}
