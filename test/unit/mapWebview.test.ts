// The values-map webview's boundary: its HTML and Content-Security-Policy, and the checks that drop
// malformed messages and unusable saved state. Plain Node: these modules do not import `vscode`.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildMapHtml, makeNonce, mapCsp } from '../../src/webview/mapHtml';
import { parseMapViewState, parseMapWebviewMessage } from '../../src/webview/mapMessageGuard';
import { JournalIndex, loadJournal, buildValuesMap } from '../../src/core';
import { NodeJournalStore } from '../../src/cli/nodeStore';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const NONCE = 'q83vEjRWeJASNFZ4kKvN7wEC';

function html(): string {
  return buildMapHtml({
    cspSource: CSP_SOURCE,
    nonce: NONCE,
    scriptUri: `${CSP_SOURCE}/ext/media/map/map.js`,
    styleUri: `${CSP_SOURCE}/ext/media/map/map.css`,
  });
}

describe('Values map webview HTML', () => {
  it('declares a strict Content-Security-Policy with a nonce and nothing from the network', () => {
    const page = html();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page);
    assert.ok(meta, 'a CSP meta tag');
    const csp = meta[1].replace(/&#39;|&apos;/g, "'");
    assert.strictEqual(csp, `default-src 'none'; script-src 'nonce-${NONCE}'; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; img-src ${CSP_SOURCE} data:`);
    assert.strictEqual(mapCsp(CSP_SOURCE, NONCE), csp);
    assert.ok(!/unsafe-inline|unsafe-eval|https?:\/\/(?!file\+\.vscode-resource)/.test(csp), csp);
  });

  it('loads only its own script (with the nonce) and stylesheet, and has no inline script or style', () => {
    const page = html();
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.strictEqual(scripts.length, 1);
    assert.ok(scripts[0][1].includes(`nonce="${NONCE}" src="${CSP_SOURCE}/ext/media/map/map.js"`), scripts[0][1]);
    assert.strictEqual(scripts[0][2], '', 'no inline script body');
    assert.ok(!/<style\b|\sstyle="|\son[a-z]+=/i.test(page), 'no inline style or event handler attributes');
    assert.ok(page.includes(`<link rel="stylesheet" href="${CSP_SOURCE}/ext/media/map/map.css"`));
  });

  it('never contains note text: the map arrives later by message', async () => {
    const index = new JournalIndex();
    await loadJournal(new NodeJournalStore(path.join(repoRoot, 'sample', 'coaching')), index);
    const map = buildValuesMap(index.snapshot(), { today: '2026-11-24' });
    const page = html();
    for (const n of map.nodes) {
      assert.ok(!page.includes(n.label), `the HTML does not contain "${n.label}"`);
    }
    // buildMapHtml takes no note data at all: only the CSP source, the nonce and the two media URIs.
    assert.strictEqual(buildMapHtml.length, 1);
  });

  it('refuses a weak nonce and makes fresh, distinct ones', () => {
    assert.throws(() => buildMapHtml({ cspSource: CSP_SOURCE, nonce: 'abc', scriptUri: 'x', styleUri: 'y' }));
    assert.throws(() => buildMapHtml({ cspSource: CSP_SOURCE, nonce: `${NONCE}"><script>`, scriptUri: 'x', styleUri: 'y' }));
    const a = makeNonce();
    const b = makeNonce();
    assert.match(a, /^[A-Za-z0-9+/=]{24}$/);
    assert.notStrictEqual(a, b);
  });

  it('inserts note text in the webview script only through textContent / createTextNode', () => {
    // Code only: the comments may name what the script avoids.
    const script = fs.readFileSync(path.join(repoRoot, 'media', 'map', 'map.js'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/.test(script), 'no HTML-parsing sinks');
    assert.ok(!/fetch\(|XMLHttpRequest|WebSocket|import\(/.test(script), 'no network');
  });
});

describe('Values map messages', () => {
  it('accepts the webview messages of the protocol', () => {
    assert.deepStrictEqual(parseMapWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseMapWebviewMessage({ type: 'open', key: 'action:a-20261124-p0zd' }), { type: 'open', key: 'action:a-20261124-p0zd' });
    assert.deepStrictEqual(parseMapWebviewMessage({ type: 'filtersChanged', filters: { include: 'all', period: 'year', focus: 'x' } }),
      { type: 'filtersChanged', filters: { include: 'all', period: 'year', focus: 'x' } });
    assert.deepStrictEqual(parseMapWebviewMessage({ type: 'exportMermaid', extra: 1 }), { type: 'exportMermaid' });
    assert.deepStrictEqual(parseMapWebviewMessage({ type: 'exportSvg', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }),
      { type: 'exportSvg', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' });
  });

  it('drops malformed messages', () => {
    const bad: unknown[] = [
      undefined, null, 'ready', 42, [], {}, { type: 'render' }, { type: 'unknown' }, { type: 'open' }, { type: 'open', key: '' },
      { type: 'open', key: 7 }, { type: 'open', key: 'x'.repeat(301) }, { type: 'filtersChanged' }, { type: 'filtersChanged', filters: { include: 'open' } },
      { type: 'filtersChanged', filters: { include: 'open', period: 'decade' } }, { type: 'exportSvg' }, { type: 'exportSvg', svg: '<html></html>' },
      { type: 'exportSvg', svg: '<svg>' }, { type: 'exportSvg', svg: 42 },
    ];
    for (const m of bad) {
      assert.strictEqual(parseMapWebviewMessage(m), undefined, JSON.stringify(m));
    }
  });

  it('keeps only the known fields of the filters', () => {
    const m = parseMapWebviewMessage({ type: 'filtersChanged', filters: { include: 'open', period: 'month', evil: '<img>' } });
    assert.deepStrictEqual(m, { type: 'filtersChanged', filters: { include: 'open', period: 'month' } });
  });

  it('restores a saved view state and rejects an unusable one', () => {
    assert.deepStrictEqual(parseMapViewState({ version: 1, filters: { include: 'all', period: 'quarter' }, zoom: 1.5, selected: 'value:craft' }),
      { version: 1, filters: { include: 'all', period: 'quarter' }, zoom: 1.5, selected: 'value:craft', journal: undefined });
    assert.strictEqual(parseMapViewState({ version: 1, filters: { include: 'all', period: 'quarter' }, zoom: 99 })?.zoom, 4);
    for (const bad of [undefined, null, 'x', {}, { version: 2, filters: { include: 'open', period: 'month' } }, { version: 1 }, { version: 1, filters: { include: 'closed', period: 'month' } }]) {
      assert.strictEqual(parseMapViewState(bad), undefined, JSON.stringify(bad));
    }
  });
});
