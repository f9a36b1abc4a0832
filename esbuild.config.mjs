// Bundles the extension (Node, CommonJS, `vscode` external) and the CLI into dist/.
// `node esbuild.config.mjs --production` minifies; `--watch` rebuilds on change.
// `--outdir DIR` builds into DIR instead of dist/ and writes DIR/meta.json (esbuild's metafile of the
// extension's files), for the unit test that checks what activation loads.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The journal cache (extension storage) is keyed by this hash of the core's sources: a build with a
// different parser never reuses notes parsed by another one.
const coreBuild = createHash('sha256');
for (const name of readdirSync('src/core').sort()) {
  coreBuild.update(name).update(readFileSync(`src/core/${name}`));
}

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg >= 0 ? process.argv[outdirArg + 1] : 'dist';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  define: { __CORE_BUILD__: JSON.stringify(coreBuild.digest('hex').slice(0, 16)) },
};

// Loaded on first use, not at activation (issue 8): the YAML libraries are half of what the extension
// would otherwise evaluate when it starts. The core requires each one in a function (src/core/yamlLibs.ts);
// in the extension's build that require() is pointed at the library's own file next to extension.js.
// The CLI bundles them as usual. Every file here must be listed in .vscodeignore (a unit test checks it).
// The entry of each library's file re-exports only the names the core uses (a unit test checks this list
// against the core's calls), from the package's ES module build, so that esbuild leaves out the rest (yaml's
// parse()/stringify() wrappers, its CST and lexer exports...). yaml's ES module build is its browser one:
// the same source, which warns with console.warn instead of process.emitWarning (the core never asks for
// warnings); the same unit test reads and edits with the shipped files and compares with the packages.
const lazyLibraries = {
  'js-yaml': { file: 'js-yaml.js', entry: 'export { load, CORE_SCHEMA, YAMLException } from "js-yaml";' },
  yaml: { file: 'yaml.js', entry: 'export { isScalar, isPair, isMap, isSeq, parseDocument, visit } from "./node_modules/yaml/browser/dist/index.js";' },
};

/** @type {import('esbuild').Plugin} */
const lazyLibrariesPlugin = {
  name: 'lazy-libraries',
  setup(build) {
    const names = Object.keys(lazyLibraries).map((n) => n.replace(/[-]/g, '\\-')).join('|');
    build.onResolve({ filter: new RegExp(`^(${names})$`) }, (args) => ({ path: `./${lazyLibraries[args.path].file}`, external: true }));
  },
};

// `import * as vscode from 'vscode'` in each of our modules would make esbuild copy every property of
// the VS Code API object (some 400) into a new namespace object per module, at load: that was half of
// evaluating the bundle. All our modules import this one namespace instead, copied once.
/** @type {import('esbuild').Plugin} */
const oneVsCodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: 'export * from "vscode";', loader: 'js' }));
  },
};

const builds = [
  // The banner and footer mark when the bundle starts and ends loading (wall clock, and the process's CPU
  // time), so activation time includes loading the modules.
  {
    ...common, entryPoints: ['src/extension.ts'], outfile: join(outdir, 'extension.js'), external: ['vscode'], plugins: [oneVsCodeNamespace, lazyLibrariesPlugin],
    metafile: outdir !== 'dist',
    banner: { js: '"use strict";\nvar __cjLoadStart = performance.now(), __cjLoadCpuStart = process.cpuUsage();' },
    footer: { js: 'var __cjLoadEnd = performance.now(), __cjLoadCpu = process.cpuUsage(__cjLoadCpuStart);' },
  },
  ...Object.entries(lazyLibraries).map(([name, { file, entry }]) => ({
    ...common, stdin: { contents: entry, resolveDir: '.', sourcefile: `${name}-entry.js` }, outfile: join(outdir, file), metafile: outdir !== 'dist',
  })),
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  if (outdir !== 'dist') {
    const outputs = Object.assign({}, ...results.filter((r) => r.metafile).map((r) => r.metafile.outputs));
    writeFileSync(join(outdir, 'meta.json'), JSON.stringify({ outputs }, null, 1));
  }
}
