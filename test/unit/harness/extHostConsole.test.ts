// The integration runner's parsing: if it misreads mocha's output, a failing suite could look green.
import * as assert from 'assert';
import * as util from 'util';
import { extensionTestUrl, isNoise, parseMochaSummary, stripStyleArgs } from '../../harness/extHostConsole';

describe('harness: extension-host console relay', () => {
  it('drops the %c style pair and keeps the original format arguments', () => {
    const relayed = ['%c INFO', 'color: #33f', '  %d passing (%s)', 3, '20ms'];
    assert.strictEqual(util.format(...stripStyleArgs(relayed)), '  3 passing (20ms)');
  });

  it('leaves plain console arguments alone', () => {
    assert.deepStrictEqual(stripStyleArgs(['plain', 1]), ['plain', 1]);
  });

  it('treats offline registry errors as noise, test output as signal', () => {
    assert.strictEqual(isNoise('Failed: getaddrinfo ENOTFOUND open-vsx.org'), true);
    assert.strictEqual(isNoise('   '), true);
    assert.strictEqual(isNoise('    ✔ activates'), false);
  });
});

describe('harness: mocha summary', () => {
  it('reads passing, failing and pending counts', () => {
    const text = '  Suite\n    ✔ a\n    1) b\n\n  1 passing (5ms)\n  1 pending\n  1 failing\n\n  1) Suite\n       b:\n';
    assert.deepStrictEqual(parseMochaSummary(text), { passing: 1, failing: 1, pending: 1 });
  });

  it('reads "0 passing" as zero tests, not as no summary', () => {
    assert.deepStrictEqual(parseMochaSummary('\n  0 passing (1ms)\n'), { passing: 0, failing: 0, pending: 0 });
  });

  it('returns undefined when mocha printed no summary (suite did not load)', () => {
    assert.strictEqual(parseMochaSummary('Error: Cannot find module'), undefined);
  });

  it('does not take a test title for a summary', () => {
    assert.deepStrictEqual(parseMochaSummary('    ✔ shows 3 passing checks\n  2 passing (1s)\n'), {
      passing: 2,
      failing: 0,
      pending: 0,
    });
  });
});

describe('harness: extension test URL', () => {
  it('passes the development and tests paths as vscode-remote URIs in the payload', () => {
    const url = new URL(
      extensionTestUrl({ port: 8123, folder: '/tmp/ws a', extensionDevelopmentPath: '/repo', extensionTestsPath: '/repo/out/index' }),
    );
    assert.strictEqual(url.searchParams.get('folder'), '/tmp/ws a');
    assert.deepStrictEqual(JSON.parse(url.searchParams.get('payload') ?? ''), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:8123/repo'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:8123/repo/out/index'],
      ['skipWelcome', 'true'],
    ]);
  });
});
