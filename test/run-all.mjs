#!/usr/bin/env node
// npm test: every layer in order — typecheck, lint, build, unit, integration (extension host in
// code-server), e2e (browser) — each layer's output streamed as it runs, then one summary line per layer
// and, last, the single line `total: N passed, M failed`. Exits non-zero if any layer failed, and a test
// layer that ran no test counts as failed. Layers after a failed build are skipped (counted as failed).
import { spawn } from 'node:child_process';

const layers = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'build', script: 'build' },
  { name: 'unit', script: 'test:unit', tests: true },
  { name: 'integration', script: 'test:integration', tests: true, needsBuild: true },
  { name: 'restricted', script: 'test:integration:restricted', tests: true, needsBuild: true },
  { name: 'e2e', script: 'test:e2e', tests: true, needsBuild: true },
];

// Same reading of mocha's spec-reporter totals as test/harness/extHostConsole.ts (this file runs before
// anything is compiled, so it cannot import it).
function mochaCount(text, word) {
  const matches = [...text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
  return matches.length > 0 ? Number(matches[matches.length - 1][1]) : undefined;
}

// Ctrl+C reaches the layer's processes directly (same terminal process group); they stop what they
// started. This runner only waits for them and then exits.
let interrupted = false;
process.on('SIGINT', () => (interrupted = true));
process.on('SIGTERM', () => (interrupted = true));

function runLayer(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const capture = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk.toString();
        sink.write(chunk);
      });
    capture(child.stdout, process.stdout);
    capture(child.stderr, process.stderr);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const started = Date.now();
const results = [];
let buildFailed = false;
for (const layer of layers) {
  if (interrupted) {
    break;
  }
  if (layer.needsBuild && buildFailed) {
    results.push({ ...layer, passed: 0, failed: 1, note: 'skipped: the build failed', seconds: 0 });
    continue;
  }
  console.log(`\n===== ${layer.name} (npm run ${layer.script}) =====`);
  const t0 = Date.now();
  const { code, output } = await runLayer(layer.script);
  const seconds = (Date.now() - t0) / 1000;
  const result = { ...layer, passed: 0, failed: 0, note: '', seconds, output };
  if (layer.tests) {
    result.passed = mochaCount(output, 'passing') ?? 0;
    result.failed = mochaCount(output, 'failing') ?? 0;
    const pending = mochaCount(output, 'pending');
    if (pending) {
      result.note = `${pending} pending`;
    }
    if (code !== 0 && result.failed === 0) {
      result.failed = 1;
      result.note = `exited with code ${code} (no failing test reported: the layer itself failed)`;
    } else if (code === 0 && result.passed + result.failed === 0) {
      result.failed = 1;
      result.note = 'ran no test';
    }
  } else if (code !== 0) {
    result.failed = 1;
    result.note = `exited with code ${code}`;
    buildFailed ||= layer.name === 'build';
  }
  results.push(result);
}

// CI keeps only the end of the output, so the failures of every layer are repeated here, just above the
// summary: mocha's numbered failure list (title, message, the first stack lines) from the layer's output.
function failureDigest(text) {
  const lines = text.split('\n');
  const digest = [];
  for (let i = 0; i < lines.length; i++) {
    const count = /^\s*(\d+) failing\b/.exec(lines[i]);
    if (!count || Number(count[1]) === 0) {
      continue;
    }
    // The list that follows this line, up to whatever a harness or the runner prints next.
    let stackLines = 0;
    let taken = 0;
    for (let j = i + 1; j < lines.length && !/^(\[harness|All integration runs|=====)/.test(lines[j]); j++) {
      stackLines = /^\s+at /.test(lines[j]) ? stackLines + 1 : 0;
      if (stackLines > 3) {
        continue;
      }
      if (taken++ === 60) {
        digest.push('  … (the rest is in the layer output above)');
        break;
      }
      digest.push(lines[j]);
    }
  }
  return digest.filter((line, k) => line.trim() !== '' || (k > 0 && digest[k - 1].trim() !== ''));
}

const failedLayers = results.filter((r) => r.failed > 0 && r.output);
if (failedLayers.length > 0) {
  console.log('\n===== failures =====');
  for (const r of failedLayers) {
    const digest = failureDigest(r.output);
    console.log(`--- ${r.name}: ${r.failed} failing`);
    console.log(digest.length > 0 ? digest.join('\n').trimEnd() : `  (no mocha failure list: ${r.note || 'see the layer output above'})`);
  }
}

console.log('\n===== summary =====');
for (const r of results) {
  const status = r.failed > 0 ? 'FAILED' : 'ok';
  const counts = r.tests ? `${r.passed} passing, ${r.failed} failing` : '';
  console.log(
    `${r.name.padEnd(12)} ${status.padEnd(7)} ${counts.padEnd(24)} ${r.seconds.toFixed(1).padStart(6)}s  ${r.note}`.trimEnd(),
  );
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0) + (interrupted ? 1 : 0);
console.log(`all layers: ${((Date.now() - started) / 1000).toFixed(1)}s${interrupted ? ' (interrupted)' : ''}`);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
