// npm run demo — the packaged extension in code-server with a sample journal, to try in a browser.
// Fresh profile under .vscode-test/demo/ on every start; the journal is a temp copy, so the demo never
// modifies the repository. Ctrl+C stops everything. DEMO_SMOKE=1 checks that the workbench answers and exits.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { createProfile, freePort, installExtension, portIsFree, startCodeServer } from './codeServer';
import { codeServerVersion, ensureTools } from './install';
import { log } from './log';
import { cacheDir, fixtureWorkspace, sampleWorkspace, vsixPath } from './paths';
import { cleanupAll, installSignalHandlers, isStopping } from './processes';
import { copyWorkspace } from './workspace';

const DEFAULT_PORT = 8080;

async function choosePort(): Promise<number> {
  if (process.env.PORT) {
    return Number(process.env.PORT); // asked for explicitly: fail loudly if it is taken
  }
  return (await portIsFree(DEFAULT_PORT)) ? DEFAULT_PORT : freePort();
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url} in 10s`)));
    req.on('error', reject);
  });
}

async function main(): Promise<number> {
  installSignalHandlers();
  const tools = await ensureTools();
  log(`code-server ${codeServerVersion(tools)}`);

  const demoDir = path.join(cacheDir, 'demo');
  fs.rmSync(demoDir, { recursive: true, force: true });
  const profile = createProfile(demoDir);
  await installExtension(tools, profile, vsixPath);

  const source = fs.existsSync(path.join(sampleWorkspace, 'coaching')) ? sampleWorkspace : fixtureWorkspace;
  const workspace = copyWorkspace(source, 'demo');
  log(`journal: copy of ${path.relative(process.cwd(), source) || source} in ${workspace}`);

  const server = await startCodeServer({ tools, profile, port: await choosePort(), name: 'code-server-demo' });
  const url = server.folderUrl(workspace);

  if (process.env.DEMO_SMOKE === '1') {
    const { status, body } = await get(url);
    if (status !== 200 || !body.includes('workbench')) {
      throw new Error(`the workbench did not answer: HTTP ${status}`);
    }
    log(`demo smoke check: the workbench answers at ${url} (HTTP ${status})`);
    return 0;
  }

  console.log(`\n  Coaching Journal demo is running. Open:\n\n    ${url}\n\n  Press Ctrl+C to stop.\n`);
  // Until Ctrl+C (the signal handler stops code-server and exits) or until code-server dies on its own.
  const how = await server.exited;
  if (isStopping()) {
    return 130;
  }
  log(`code-server ${how} on its own; see ${server.logFile}`);
  return 1;
}

main()
  .catch((error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  })
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
