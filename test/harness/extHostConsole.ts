// Pure helpers for the integration runner, unit-tested in test/unit/harness/.

/**
 * Printed by the suite index (test/integration/index.ts) in the extension host just before mocha starts.
 * The workbench relays its own log lines and the extension host's console in the same shape, so the runner
 * prints only what comes after this marker.
 */
export const SUITE_START_MARKER = '=== coaching-journal integration suite ===';

/**
 * The workbench relays the extension host's console as console.log('%c INFO', 'color: …', fmt, ...args):
 * drop the style pair so the remaining arguments can go through util.format like the original call.
 */
export function stripStyleArgs(args: unknown[]): unknown[] {
  if (typeof args[0] === 'string' && args[0].startsWith('%c') && args.length >= 2) {
    return args.slice(2);
  }
  return args;
}

/** Browser console lines that are expected offline and say nothing about the tests. */
export function isNoise(line: string): boolean {
  return (
    line.trim() === '' ||
    /open-vsx|ERR_NAME_NOT_RESOLVED|ENOTFOUND|vsda|status of 404|Manifest fetch|Failed to load resource/.test(line)
  );
}

export interface MochaSummary {
  passing: number;
  failing: number;
  pending: number;
}

/** Reads mocha's spec-reporter totals ("  3 passing (20ms)", "  1 failing", "  2 pending") from its output. */
export function parseMochaSummary(text: string): MochaSummary | undefined {
  const count = (word: string): number | undefined => {
    const matches = [...text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
    return matches.length > 0 ? Number(matches[matches.length - 1][1]) : undefined;
  };
  const passing = count('passing');
  const failing = count('failing');
  const pending = count('pending');
  if (passing === undefined && failing === undefined) {
    return undefined;
  }
  return { passing: passing ?? 0, failing: failing ?? 0, pending: pending ?? 0 };
}

/**
 * The workbench URL that makes code-server (started with the smoke-test driver enabled) load the
 * extension under development and run its test suite in the extension host. Paths are absolute paths on
 * the server, passed as vscode-remote URIs.
 */
export function extensionTestUrl(opts: {
  port: number;
  folder: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
}): string {
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${opts.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(opts.extensionTestsPath)],
    ['skipWelcome', 'true'],
  ];
  return (
    `http://127.0.0.1:${opts.port}/?folder=${encodeURIComponent(opts.folder)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`
  );
}
