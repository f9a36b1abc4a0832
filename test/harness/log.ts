// One clock for the whole run, so every line says how long we have been going: slow steps stand out in CI logs.
const started = Date.now();

export function elapsed(): string {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}

export function log(message: string): void {
  console.log(`[harness ${elapsed()}] ${message}`);
}

/**
 * Runs `what` and logs how long it took; rejects if it takes longer than `ms`. Long steps (installs) say
 * every 30 s that they are still going, so a CI log never looks stuck.
 */
export async function step<T>(title: string, ms: number, what: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const seconds = (): string => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  log(`${title}…`);
  const heartbeat = setInterval(() => log(`…still ${title} (${seconds()})`), 30_000);
  try {
    const result = await withTimeout(what(), ms, title);
    log(`${title}: done in ${seconds()}`);
    return result;
  } finally {
    clearInterval(heartbeat);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, title: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s: ${title}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
