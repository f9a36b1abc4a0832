// `npm run bench`: bundles bench/bench.ts (and the core it measures) with esbuild, as the extension is
// bundled, then runs it with --expose-gc so that heap and timings are measured after a full GC.
// Arguments are passed through: `npm run bench -- --sizes 100,1000 --runs 5 --no-package --no-browser`.
// playwright-core (the map's first paint in Chromium, bench/mapPaint.ts) stays outside the bundle.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'out/bench/bench.bundle.js');
await build({
  entryPoints: [join(root, 'bench/bench.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  minify: false, legalComments: 'none', logLevel: 'warning', external: ['playwright-core'],
});
const r = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
