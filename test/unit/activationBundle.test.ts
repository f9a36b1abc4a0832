import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import Module from 'module';
import * as path from 'path';
import { ROOT, tempDir } from './helpers';

// What activation evaluates (issue 8): the extension's bundle, built as it ships (esbuild.config.mjs
// --production, here into a temporary folder with esbuild's metafile), must not contain the YAML
// libraries, must not load their files when it is evaluated, and must copy the VS Code API once.

interface MetaOutput {
  bytes: number;
  inputs: Record<string, { bytesInOutput: number }>;
  imports: { path: string; kind: string; external?: boolean }[];
}

/** Libraries the extension loads on first use, and the file each one ships in (beside extension.js). */
const LAZY = [
  { name: 'js-yaml', file: 'js-yaml.js' },
  { name: 'yaml', file: 'yaml.js' },
];

/** A stand-in for the `vscode` module: every name the API declares, each a function whose properties are functions too. */
async function vscodeStub(): Promise<Record<string, unknown>> {
  const d = await fs.readFile(path.join(ROOT, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  const anything = (): unknown => {
    const f = function () {};
    return new Proxy(f, { get: (_t, k) => (k === 'prototype' ? f.prototype : anything()), construct: () => anything() as object, apply: () => anything() });
  };
  const stub: Record<string, unknown> = {};
  for (const m of d.matchAll(/^\s{1,4}export (?:namespace|class|enum|const|function|let) (\w+)/gm)) {
    stub[m[1]] = anything();
  }
  return stub;
}

describe('Activation bundle', function () {
  this.timeout(120_000);
  let dir: string;
  let outputs: Record<string, MetaOutput>;
  const output = (file: string): MetaOutput => {
    const key = Object.keys(outputs).find((k) => path.resolve(ROOT, k) === path.join(dir, file));
    assert.ok(key, `${file} was built`);
    return outputs[key];
  };

  before(async () => {
    dir = await tempDir('cj-bundle-');
    const r = spawnSync(process.execPath, ['esbuild.config.mjs', '--production', '--outdir', dir], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    outputs = (JSON.parse(await fs.readFile(path.join(dir, 'meta.json'), 'utf8')) as { outputs: Record<string, MetaOutput> }).outputs;
  });

  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('holds none of the YAML libraries: each is in its own file', () => {
    const inputs = Object.keys(output('extension.js').inputs);
    assert.ok(inputs.some((i) => i.startsWith('src/core/')), 'the metafile lists the bundle\'s modules');
    for (const { name, file } of LAZY) {
      const dep = `node_modules/${name}/`;
      assert.deepStrictEqual(inputs.filter((i) => i.startsWith(dep)), [], `${name} is not in extension.js`);
      assert.ok(Object.keys(output(file).inputs).some((i) => i.startsWith(dep)), `${name} is in ${file}`);
    }
  });

  it('requires only vscode and the lazy files, each shipped in the VSIX', async () => {
    const external = output('extension.js').imports.filter((i) => i.external).map((i) => i.path);
    assert.deepStrictEqual([...new Set(external)].sort(), ['vscode', ...LAZY.map((l) => `./${l.file}`)].sort());
    const ignore = (await fs.readFile(path.join(ROOT, '.vscodeignore'), 'utf8')).split(/\r?\n/);
    for (const { file } of LAZY) {
      assert.ok(ignore.includes(`!dist/${file}`), `.vscodeignore ships dist/${file}`);
    }
  });

  it('copies the VS Code API into one namespace, not one per module', async () => {
    const text = await fs.readFile(path.join(dir, 'extension.js'), 'utf8');
    assert.strictEqual(text.match(/require\("vscode"\)/g)?.length, 1);
  });

  it('loads none of the lazy files when it is evaluated', async () => {
    const stub = await vscodeStub();
    const mod = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
    const load = mod._load;
    const bundle = path.join(dir, 'extension.js');
    const required: string[] = [];
    mod._load = function (request: string, ...rest: unknown[]) {
      required.push(request);
      return request === 'vscode' ? stub : load.call(this, request, ...rest);
    };
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluating the bundle is the test
      const ext = require(bundle) as { activate?: unknown };
      assert.strictEqual(typeof ext.activate, 'function');
    } finally {
      mod._load = load;
    }
    assert.deepStrictEqual(required.filter((r) => r !== bundle), ['vscode'], 'the bundle requires only vscode while it is evaluated');
    for (const { file } of LAZY) {
      assert.strictEqual(require.cache[path.join(dir, file)], undefined, `${file} was not loaded`);
    }
  });

  it('ships each library whole: its file exports what the package exports', () => {
    for (const { name, file } of LAZY) {
      /* eslint-disable @typescript-eslint/no-require-imports -- the package and its shipped file, compared */
      const shipped = require(path.join(dir, file)) as Record<string, unknown>;
      const pkg = require(name) as Record<string, unknown>;
      /* eslint-enable @typescript-eslint/no-require-imports */
      const names = Object.keys(pkg).filter((k) => k !== 'default' && k !== '__esModule').sort();
      assert.ok(names.length > 10, name);
      assert.deepStrictEqual(Object.keys(shipped).filter((k) => k !== 'default' && k !== '__esModule').sort(), names, file);
      for (const k of names) {
        assert.strictEqual(typeof shipped[k], typeof pkg[k], `${file}: ${k}`);
      }
    }
  });
});
