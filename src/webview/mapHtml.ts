/**
 * The values-map webview's HTML: a static shell with a strict Content-Security-Policy. No note text is
 * ever put here — the script receives the map in a `render` message and inserts every label with
 * `textContent`. Pure (no `vscode`), so a unit test checks the policy.
 */

export interface MapHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce for this HTML (see `makeNonce`). */
  nonce: string;
  /** `asWebviewUri` of media/map/map.js and media/map/map.css. */
  scriptUri: string;
  styleUri: string;
}

/** The Content-Security-Policy: nothing by default, our script by nonce, styles and images from the extension. */
export function mapCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function buildMapHtml(o: MapHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(o.nonce)) {
    throw new Error('The webview nonce must be at least 16 characters of base64.');
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(mapCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}" nonce="${attr(o.nonce)}">
<title>Values Map</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Values map filters and actions">
  <label>Show
    <select id="include" aria-label="Which commitments to show">
      <option value="open">Open commitments</option>
      <option value="all">Open and closed</option>
    </select>
  </label>
  <label>Period
    <select id="period" aria-label="Period: gaps are counted over it, and closed commitments shown from it">
      <option value="month">Last 30 days</option>
      <option value="quarter">Last 3 months</option>
      <option value="year">Last 12 months</option>
      <option value="all">All time</option>
    </select>
  </label>
  <label>Focus area
    <select id="focus" aria-label="Focus area"><option value="">All focus areas</option></select>
  </label>
  <span class="spacer"></span>
  <button id="zoom-out" type="button" title="Zoom out" aria-label="Zoom out">−</button>
  <button id="zoom-reset" type="button" title="Actual size" aria-label="Actual size">100%</button>
  <button id="zoom-in" type="button" title="Zoom in" aria-label="Zoom in">+</button>
  <button id="export-mermaid" type="button">Export Mermaid</button>
  <button id="export-svg" type="button">Export SVG</button>
</header>
<section id="legend" class="legend" aria-label="Legend and gaps" aria-live="polite"></section>
<main id="canvas" class="canvas"><p class="notice">Reading the journal…</p></main>
<footer id="details" class="details" aria-live="polite"></footer>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** A random nonce (base64 of 18 random bytes). */
export function makeNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(18));
  let text = '';
  for (const b of bytes) {
    text += String.fromCharCode(b);
  }
  return btoa(text);
}
