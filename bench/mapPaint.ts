/**
 * First paint of the values map in a real browser (issue 8: "a map of 2,000 commitments renders in under
 * 500 ms"). The journal of bench.ts's map table (1,000 sessions, 2,000 open commitments) is read by the
 * core, and the host's `render` message is built exactly as the panel builds it (mapRenderMessage). Then,
 * in Debian's Chromium driven by playwright-core (as the test harness does), a fresh page per run loads
 * the webview's own HTML shell (buildMapHtml, with its CSP), media/map/map.css and media/map/map.js, with
 * a stub `acquireVsCodeApi`; the message is posted to the page and the time is taken from the post to the
 * first paint after the drawing: a `message` listener added after map.js's (so it runs once map.js has
 * drawn) asks for a requestAnimationFrame, and a MessageChannel task queued from that callback runs once
 * the frame's style, layout and paint are done. Median of `runs` fresh pages.
 *
 * Baseline, in the same run and the same page: the same message posted (map.js drops it: its type is not
 * `render`), and the same number of plain text nodes drawn from it (a <div> per node with its label, built
 * in one fragment), measured the same way: the cost of receiving the message and putting that much text on
 * screen at all, without the map.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { DEFAULT_MAP_FILTERS, decodeBytes, JournalIndex } from '../src/core';
import { buildMapHtml } from '../src/webview/mapHtml';
import { mapRenderMessage } from '../src/webview/mapRender';
import { CHROMIUM_ARGS } from '../test/harness/browser';
import { chromiumPath } from '../test/harness/paths';
import { generateJournal } from './generate';

const ORIGIN = 'http://map-bench.invalid';
const NONCE = 'YmVuY2htYXJrLW5vbmNlLTEyMzQ1';

export interface MapPaintResult {
  commitments: number;
  nodes: number;
  /** Size of the posted message, in bytes of JSON. */
  messageBytes: number;
  map: { ms: number; all: number[] };
  baseline: { ms: number; all: number[] };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The page side of one measurement (runs in the browser; plain JS, no closures over Node values). */
const MEASURE = `(kind) => new Promise((resolve) => {
  const message = window.__benchMessage;
  const t0 = performance.now();
  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'baseline') {
      const frag = document.createDocumentFragment();
      for (const node of event.data.map.nodes) {
        const div = document.createElement('div');
        div.textContent = node.label;
        frag.appendChild(div);
      }
      document.getElementById('canvas').replaceChildren(frag);
    }
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - t0);
      channel.port2.postMessage(0);
    });
  }, { once: true });
  // The baseline posts the same message (the same cloning cost), marked so that map.js drops it.
  window.postMessage(kind === 'map' ? message : { ...message, type: 'baseline' }, '*');
})`;

/** Measures the map's first paint for the bench's 2,000-commitment journal; `runs` fresh pages each. */
export async function benchMapPaint(root: string, today: string, runs = 7): Promise<MapPaintResult> {
  const gen = generateJournal({ sessions: 1000, openShare: 1, seed: 7 });
  const index = new JournalIndex();
  for (const [rel, text] of gen.files) {
    index.setText(rel, decodeBytes(Buffer.from(text, 'utf8')).text);
  }
  const snapshot = index.snapshot();
  const message = mapRenderMessage({ snapshot, filters: DEFAULT_MAP_FILTERS, today, cadenceDays: 7, hasNotes: true, journal: 'bench' });
  const json = JSON.stringify(message);
  const files: Record<string, { body: string; type: string }> = {
    '/index.html': {
      body: buildMapHtml({ cspSource: ORIGIN, nonce: NONCE, scriptUri: `${ORIGIN}/map.js`, styleUri: `${ORIGIN}/map.css` }),
      type: 'text/html',
    },
    '/map.js': { body: fs.readFileSync(path.join(root, 'media/map/map.js'), 'utf8'), type: 'text/javascript' },
    '/map.css': { body: fs.readFileSync(path.join(root, 'media/map/map.css'), 'utf8'), type: 'text/css' },
  };

  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route(`${ORIGIN}/**`, (route) => {
      const file = files[new URL(route.request().url()).pathname];
      return file ? route.fulfill({ body: file.body, contentType: file.type }) : route.fulfill({ status: 404, body: '' });
    });
    // What VS Code gives a webview: acquireVsCodeApi, and a few of its theme variables.
    await context.addInitScript(`
      window.__benchPosted = [];
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__benchPosted.push(m), getState: () => undefined, setState: () => undefined });
      document.addEventListener('DOMContentLoaded', () => {
        const vars = { '--vscode-font-family': 'sans-serif', '--vscode-font-size': '13px', '--vscode-foreground': '#3b3b3b',
          '--vscode-editor-background': '#ffffff', '--vscode-editorWidget-background': '#f8f8f8', '--vscode-editorWidget-border': '#c8c8c8',
          '--vscode-charts-green': '#388a34', '--vscode-charts-blue': '#1a85ff', '--vscode-charts-purple': '#652d90',
          '--vscode-editorWarning-foreground': '#bf8803', '--vscode-editorError-foreground': '#e51400', '--vscode-descriptionForeground': '#717171' };
        for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
      });
    `);
    const page = await context.newPage();
    const once = async (kind: 'map' | 'baseline'): Promise<number> => {
      await page.goto(`${ORIGIN}/index.html`);
      await page.waitForFunction('window.__benchPosted.some((m) => m.type === "ready")');
      await page.evaluate(`window.__benchMessage = JSON.parse(${JSON.stringify(json)}); 0`);
      return (await page.evaluate(`(${MEASURE})(${JSON.stringify(kind)})`)) as number;
    };
    // A check that the map was drawn at all (not a measurement of an empty page).
    await once('map');
    const drawn = await page.locator('svg.map g.node').count();
    if (drawn !== message.layout.nodes.length) {
      throw new Error(`map.js drew ${drawn} nodes of ${message.layout.nodes.length}`);
    }
    await once('baseline');
    const mapTimes: number[] = [];
    const baseTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      mapTimes.push(await once('map'));
      baseTimes.push(await once('baseline'));
    }
    return {
      commitments: message.map.nodes.filter((n) => n.kind === 'commitment').length,
      nodes: message.layout.nodes.length,
      messageBytes: Buffer.byteLength(json),
      map: { ms: median(mapTimes), all: mapTimes },
      baseline: { ms: median(baseTimes), all: baseTimes },
    };
  } finally {
    await browser.close();
  }
}
