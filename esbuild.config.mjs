// Bundles the extension (Node, CommonJS, `vscode` external) and the CLI into dist/.
// `node esbuild.config.mjs --production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

// The journal cache (extension storage) is keyed by this hash of the core's sources: a build with a
// different parser never reuses notes parsed by another one.
const coreBuild = createHash('sha256');
for (const name of readdirSync('src/core').sort()) {
  coreBuild.update(name).update(readFileSync(`src/core/${name}`));
}

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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

const builds = [
  // The banner and footer mark when the bundle starts and ends loading (wall clock, and the process's CPU
  // time), so activation time includes loading the modules.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], banner: { js: '"use strict";\nvar __cjLoadStart = performance.now(), __cjLoadCpuStart = process.cpuUsage();' }, footer: { js: 'var __cjLoadEnd = performance.now(), __cjLoadCpu = process.cpuUsage(__cjLoadCpuStart);' } },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
