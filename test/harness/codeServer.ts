// One code-server per run, with a private profile: its own user-data dir, extensions dir and config file
// (without --config it would create ~/.config/code-server/config.yaml with password auth), on a free
// loopback port, with quiet user settings so nothing pops up over what the tests look at.
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { Tools, withNode24 } from './install';
import { log, step } from './log';
import { logsDir } from './paths';
import { runCommand, startProcess, stopProcess, tailOf, tempDir } from './processes';

export interface CodeServerProfile {
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
}

export interface CodeServer {
  port: number;
  /** http://127.0.0.1:PORT/ */
  url: string;
  logFile: string;
  /** Settles when code-server exits, with how it exited. */
  exited: Promise<string>;
  /** URL that opens `folder` in the workbench. */
  folderUrl(folder: string): string;
  /** Stops it (before the run ends, when another code-server follows). */
  stop(): Promise<void>;
}

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.tips.enabled': false,
};

/**
 * Workspace trust on, with no start-up dialog over the workbench: a folder nobody trusted opens in
 * restricted mode (for the restricted-mode integration run; start code-server with `workspaceTrust`).
 */
export const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
};

/** A fresh profile in `root` (default: a temp dir removed at cleanup), with extra user settings. */
export function createProfile(root = tempDir('profile'), settings: Record<string, unknown> = {}): CodeServerProfile {
  const profile = {
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configFile: path.join(root, 'config.yaml'),
  };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  return profile;
}

function profileArgs(profile: CodeServerProfile): string[] {
  return ['--config', profile.configFile, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

export async function installExtension(tools: Tools, profile: CodeServerProfile, vsix: string): Promise<void> {
  if (!fs.existsSync(vsix)) {
    throw new Error(`${vsix} not found: run "npm run package" first`);
  }
  fs.mkdirSync(logsDir, { recursive: true });
  await step(`installing ${path.basename(vsix)}`, 120_000, () =>
    runCommand(tools.codeServer, [...profileArgs(profile), '--install-extension', vsix], {
      env: withNode24(process.env, tools.node24Bin),
      timeoutMs: 120_000,
      logFile: path.join(logsDir, 'install-extension.log'),
    }),
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode !== undefined && res.statusCode < 500);
    });
    req.setTimeout(2_000, () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

export async function startCodeServer(opts: {
  tools: Tools;
  profile: CodeServerProfile;
  /** Lets the page URL's `payload` set extensionDevelopmentPath / extensionTestsPath (integration layer). */
  smokeTestDriver?: boolean;
  port?: number;
  /** Name of the log file in test-results/logs/. */
  name: string;
  /** Keep workspace trust on (restricted mode for untrusted folders); off by default. */
  workspaceTrust?: boolean;
  env?: NodeJS.ProcessEnv;
}): Promise<CodeServer> {
  const port = opts.port ?? (await freePort());
  fs.mkdirSync(logsDir, { recursive: true });
  const logFile = path.join(logsDir, `${opts.name}.log`);
  const out = fs.openSync(logFile, 'w');
  const args = [
    ...profileArgs(opts.profile),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(opts.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child = startProcess(
    opts.tools.codeServer,
    args,
    { env: withNode24(opts.env ?? process.env, opts.tools.node24Bin), stdio: ['ignore', out, out] },
    `code-server on port ${port}`,
  );
  fs.closeSync(out);
  let exitedHow: string | undefined;
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => resolve((exitedHow = `exited with ${code ?? signal}`))),
  );

  const url = `http://127.0.0.1:${port}/`;
  await step('waiting for code-server to listen', 60_000, async () => {
    while (!(await httpOk(`${url}healthz`))) {
      if (exitedHow) {
        throw new Error(`code-server ${exitedHow}:\n${tailOf(logFile, 30)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  log(`code-server listening on ${url} (log: ${logFile})`);
  return {
    port, url, logFile, exited, folderUrl: (folder) => `${url}?folder=${encodeURIComponent(folder)}`,
    stop: () => stopProcess(child, `code-server on port ${port}`),
  };
}
