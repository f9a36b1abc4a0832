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

  it('ships what the core uses of each library: every name it calls, from the core\'s own sources', async () => {
    // The names the core takes from each library (src/core/yamlLibs.ts's callers), read from the sources,
    // so that a new call cannot reach a name the shipped file leaves out.
    const used: Record<string, Set<string>> = { 'js-yaml': new Set(), yaml: new Set() };
    for (const file of await fs.readdir(path.join(ROOT, 'src/core'))) {
      const text = await fs.readFile(path.join(ROOT, 'src/core', file), 'utf8');
      for (const m of text.matchAll(/\b(jsYamlLib|yamlLib)\(\)\.(\w+)/g)) {
        used[m[1] === 'yamlLib' ? 'yaml' : 'js-yaml'].add(m[2]);
      }
      for (const m of text.matchAll(/\{([^{}]+)\}\s*=\s*(jsYamlLib|yamlLib)\(\)/g)) {
        m[1].split(',').map((n) => n.trim().split(/\s*:/)[0]).filter(Boolean).forEach((n) => used[m[2] === 'yamlLib' ? 'yaml' : 'js-yaml'].add(n));
      }
    }
    assert.ok(used.yaml.has('parseDocument') && used['js-yaml'].has('load'), JSON.stringify({ yaml: [...used.yaml], jsYaml: [...used['js-yaml']] }));
    for (const { name, file } of LAZY) {
      /* eslint-disable @typescript-eslint/no-require-imports -- the package and its shipped file, compared */
      const shipped = require(path.join(dir, file)) as Record<string, unknown>;
      const pkg = require(name) as Record<string, unknown>;
      /* eslint-enable @typescript-eslint/no-require-imports */
      for (const k of used[name]) {
        assert.ok(k in shipped, `${file} exports ${k}, which the core uses`);
        assert.strictEqual(typeof shipped[k], typeof pkg[k], `${file}: ${k}`);
      }
    }
  });

  it('reads every fixture note\'s frontmatter with the shipped files exactly as with the packages', async () => {
    /* eslint-disable @typescript-eslint/no-require-imports -- the packages and their shipped files, compared */
    const shippedYaml = require(path.join(dir, 'yaml.js')) as typeof import('yaml');
    const pkgYaml = require('yaml') as typeof import('yaml');
    const shippedJsYaml = require(path.join(dir, 'js-yaml.js')) as typeof import('js-yaml');
    const pkgJsYaml = require('js-yaml') as typeof import('js-yaml');
    /* eslint-enable @typescript-eslint/no-require-imports */
    /** Everything the edit path reads of a Document: each node's path, kind, range and value, the errors, the text. */
    const shape = (lib: typeof import('yaml'), text: string): unknown => {
      const doc = lib.parseDocument(text, { keepSourceTokens: false });
      const nodes: unknown[] = [];
      lib.visit(doc, (key, node, p) => {
        const kind = lib.isScalar(node) ? 'scalar' : lib.isMap(node) ? 'map' : lib.isSeq(node) ? 'seq' : lib.isPair(node) ? 'pair' : typeof node;
        nodes.push([p.length, key, kind, (node as { range?: unknown }).range, lib.isScalar(node) ? node.value : undefined]);
      });
      const attempt = (f: () => unknown): unknown => {
        try {
          return f();
        } catch (e) {
          return `throws ${e instanceof Error ? e.message : String(e)}`; // e.g. the alias bomb's toJS()
        }
      };
      const errors = doc.errors.map((e) => [e.code, e.message]);
      return { nodes, errors, js: errors.length ? undefined : attempt(() => doc.toJS()), text: errors.length ? undefined : attempt(() => String(doc)) };
    };
    /** A value as a flat list, each object once (an alias bomb shares its objects: walking it whole would never end). */
    const flat = (value: unknown): unknown[] => {
      const seen = new Map<object, number>();
      const out: unknown[] = [];
      const walk = (v: unknown): void => {
        if (v === null || typeof v !== 'object') {
          out.push(v);
        } else if (seen.has(v)) {
          out.push(`ref ${seen.get(v)}`);
        } else {
          seen.set(v, seen.size);
          out.push(Array.isArray(v) ? `list ${v.length}` : `map ${Object.keys(v).join(',')}`);
          Object.values(v).forEach(walk);
        }
      };
      walk(value);
      return out;
    };
    const read = (lib: typeof import('js-yaml'), text: string): unknown => {
      try {
        return { ok: flat(lib.load(text, { schema: lib.CORE_SCHEMA })) };
      } catch (e) {
        return { error: e instanceof lib.YAMLException ? e.message : `not a YAMLException: ${String(e)}` };
      }
    };
    let compared = 0;
    for (const root of ['test/fixtures', 'sample']) {
      for (const file of await fs.readdir(path.join(ROOT, root), { recursive: true })) {
        if (!file.endsWith('.md')) {
          continue;
        }
        const text = (await fs.readFile(path.join(ROOT, root, file), 'utf8')).replace(/^\uFEFF/, '');
        const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)?.[1];
        if (fm === undefined) {
          continue;
        }
        assert.deepStrictEqual(shape(shippedYaml, fm), shape(pkgYaml, fm), `yaml.js reads ${root}/${file} as the package does`);
        assert.deepStrictEqual(read(shippedJsYaml, fm), read(pkgJsYaml, fm), `js-yaml.js reads ${root}/${file} as the package does`);
        compared++;
      }
    }
    assert.ok(compared > 50, `${compared} notes compared`);
  });
});
