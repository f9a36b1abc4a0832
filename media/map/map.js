// @ts-check
// The values map inside the webview. It draws what the host sends (`render`: map data + layout); it
// never reads notes itself. Every piece of note text goes in with textContent / createTextNode — never
// innerHTML — so a note cannot inject markup or script. Messages: see src/shared/mapProtocol.ts.
(function () {
  'use strict';

  // @ts-ignore -- provided by VS Code inside webviews
  const vscode = acquireVsCodeApi();
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const DEFAULT_FILTERS = { include: 'open', period: 'month' };
  const PERIODS = ['month', 'quarter', 'year', 'all'];
  const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
  const KIND_LABEL = { vision: 'Vision', value: 'Value', 'focus-area': 'Focus area', commitment: 'Commitment', unlinked: 'Lane' };

  /** @type {{version: 1, filters: any, zoom: number, selected?: string, journal?: string}} */
  let state = restoreState(vscode.getState());
  /** @type {any} */
  let last = undefined;

  const el = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const include = /** @type {HTMLSelectElement} */ (el('include'));
  const period = /** @type {HTMLSelectElement} */ (el('period'));
  const focus = /** @type {HTMLSelectElement} */ (el('focus'));
  const canvas = el('canvas');
  const legend = el('legend');
  const details = el('details');

  function restoreState(/** @type {any} */ saved) {
    const ok = saved && saved.version === 1 && validFilters(saved.filters);
    return {
      version: /** @type {1} */ (1),
      filters: ok ? saved.filters : { ...DEFAULT_FILTERS },
      zoom: ok && typeof saved.zoom === 'number' && isFinite(saved.zoom) ? saved.zoom : 1,
      selected: ok && typeof saved.selected === 'string' ? saved.selected : undefined,
      journal: ok && typeof saved.journal === 'string' ? saved.journal : undefined,
    };
  }

  function validFilters(/** @type {any} */ f) {
    return !!f && (f.include === 'open' || f.include === 'all') && PERIODS.includes(f.period)
      && (f.focus === undefined || (typeof f.focus === 'string' && f.focus.length > 0));
  }

  function save() {
    vscode.setState(state);
  }

  function setFilters(/** @type {any} */ filters) {
    state.filters = filters;
    save();
    syncControls();
    vscode.postMessage({ type: 'filtersChanged', filters });
  }

  function syncControls() {
    include.value = state.filters.include;
    period.value = state.filters.period;
    focus.value = state.filters.focus || '';
    el('zoom-reset').textContent = Math.round(state.zoom * 100) + '%';
  }

  include.addEventListener('change', () => setFilters(withFocus({ include: include.value, period: state.filters.period })));
  period.addEventListener('change', () => setFilters(withFocus({ include: state.filters.include, period: period.value })));
  focus.addEventListener('change', () => setFilters(focus.value
    ? { include: state.filters.include, period: state.filters.period, focus: focus.value }
    : { include: state.filters.include, period: state.filters.period }));

  function withFocus(/** @type {any} */ f) {
    return state.filters.focus ? { ...f, focus: state.filters.focus } : f;
  }

  // ---- zoom (kept in the state, so a redraw or a reload keeps it) -------------------------------------
  function zoomTo(/** @type {number} */ zoom) {
    state.zoom = Math.min(4, Math.max(0.25, zoom));
    save();
    syncControls();
    applyZoom();
  }

  function zoomStep(/** @type {number} */ dir) {
    const i = ZOOM_STEPS.findIndex((z) => z >= state.zoom - 1e-6);
    const next = dir > 0 ? ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, (ZOOM_STEPS[i] > state.zoom + 1e-6 ? i : i + 1))] : ZOOM_STEPS[Math.max(0, i - 1)];
    zoomTo(next);
  }

  function applyZoom() {
    const svg = canvas.querySelector('svg');
    if (svg && last) {
      svg.setAttribute('width', String(Math.round(last.layout.width * state.zoom)));
      svg.setAttribute('height', String(Math.round(last.layout.height * state.zoom)));
    }
  }

  el('zoom-in').addEventListener('click', () => zoomStep(1));
  el('zoom-out').addEventListener('click', () => zoomStep(-1));
  el('zoom-reset').addEventListener('click', () => zoomTo(1));
  canvas.addEventListener('wheel', (e) => {
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      zoomStep(e.deltaY < 0 ? 1 : -1);
    }
  }, { passive: false });

  el('export-mermaid').addEventListener('click', () => vscode.postMessage({ type: 'exportMermaid' }));
  el('export-svg').addEventListener('click', () => {
    const svg = exportableSvg();
    if (svg) {
      vscode.postMessage({ type: 'exportSvg', svg });
    }
  });

  // ---- messages from the host -------------------------------------------------------------------------
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!isRenderMessage(m)) {
      return; // malformed: dropped
    }
    last = m;
    state.filters = m.filters;
    state.journal = m.journal;
    save();
    render();
  });

  function isRenderMessage(/** @type {any} */ m) {
    return !!m && m.type === 'render' && validFilters(m.filters) && m.map && Array.isArray(m.map.nodes) && Array.isArray(m.map.edges)
      && m.layout && Array.isArray(m.layout.nodes) && Array.isArray(m.layout.edges) && typeof m.layout.width === 'number'
      && typeof m.layout.height === 'number' && Array.isArray(m.summary) && Array.isArray(m.focusChoices) && m.counts;
  }

  // ---- drawing ------------------------------------------------------------------------------------------
  function svgEl(/** @type {string} */ name, /** @type {Record<string, string|number>} */ attrs = {}) {
    const node = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) {
      node.setAttribute(k, String(v));
    }
    return node;
  }

  /**
   * @param {string} name
   * @param {string} className
   * @param {string} [text]
   */
  function htmlEl(name, className, text) {
    const node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function render() {
    const m = last;
    renderFocusChoices(m.focusChoices);
    syncControls();
    renderLegend(m);
    const hadFocus = document.activeElement && document.activeElement.closest && document.activeElement.closest('g.node');
    const scroll = { left: canvas.scrollLeft, top: canvas.scrollTop };
    canvas.replaceChildren();
    if (m.notice || m.map.nodes.length === 0) {
      canvas.appendChild(htmlEl('p', 'notice', m.notice || 'Nothing to show with these filters.'));
      details.replaceChildren();
      return;
    }
    canvas.appendChild(drawSvg(m));
    applyZoom();
    // Setting a scroll position makes the browser lay the new drawing out at once: only when there is
    // one to keep (a redraw), never on the first drawing.
    if (scroll.left || scroll.top) {
      canvas.scrollLeft = scroll.left;
      canvas.scrollTop = scroll.top;
    }
    const selected = state.selected && canvas.querySelector(`g.node[data-index="${indexOfKey(state.selected)}"]`);
    if (selected) {
      selected.classList.add('selected');
      showDetails(state.selected);
      if (hadFocus) {
        /** @type {any} */ (selected).focus({ preventScroll: true });
      }
    } else {
      details.replaceChildren();
    }
  }

  function indexOfKey(/** @type {string} */ key) {
    return last ? last.layout.nodes.findIndex((/** @type {any} */ n) => n.key === key) : -1;
  }

  function renderFocusChoices(/** @type {{id: string, label: string}[]} */ choices) {
    const options = [htmlEl('option', '', 'All focus areas')];
    /** @type {HTMLOptionElement} */ (options[0]).value = '';
    for (const c of choices) {
      if (typeof c.id !== 'string' || typeof c.label !== 'string') {
        continue;
      }
      const o = /** @type {HTMLOptionElement} */ (htmlEl('option', '', c.label));
      o.value = c.id;
      options.push(o);
    }
    focus.replaceChildren(...options);
  }

  function renderLegend(/** @type {any} */ m) {
    const items = [
      ['vision', 'Vision'], ['value', 'Values'], ['focus-area', 'Focus areas'], ['commitment', 'Commitments'], ['overdue', 'Overdue'], ['gap', 'Gap'],
    ];
    const keys = htmlEl('ul', 'legend-keys');
    keys.setAttribute('aria-label', 'Legend');
    for (const [kind, label] of items) {
      const li = htmlEl('li', '');
      const swatch = svgEl('svg', { width: 18, height: 12, 'aria-hidden': 'true', class: `swatch kind-${kind}` });
      swatch.appendChild(svgEl('rect', { x: 1, y: 1, width: 16, height: 10, rx: 3 }));
      li.append(swatch, document.createTextNode(label));
      keys.appendChild(li);
    }
    const gaps = htmlEl('ul', 'legend-gaps');
    gaps.setAttribute('aria-label', 'Gaps');
    const total = m.counts.values + m.counts.focusAreas + m.counts.commitments;
    gaps.classList.toggle('none', total === 0);
    for (const line of m.summary) {
      gaps.appendChild(htmlEl('li', total ? 'gap-line' : '', String(line)));
    }
    const stats = htmlEl('ul', 'legend-stats');
    stats.setAttribute('aria-label', 'Sessions and follow-through');
    for (const line of Array.isArray(m.statsSummary) ? m.statsSummary : []) {
      stats.appendChild(htmlEl('li', '', String(line)));
    }
    legend.replaceChildren(keys, gaps, stats);
  }

  function tooltip(/** @type {any} */ n) {
    const lines = [`${KIND_LABEL[/** @type {keyof typeof KIND_LABEL} */ (n.kind)] || n.kind}: ${n.label}`];
    if (n.status) {
      lines.push(`Status: ${n.status}${n.overdue ? ' (overdue)' : ''}`);
    }
    if (n.due) {
      lines.push(`Due: ${n.due}`);
    }
    if (n.success) {
      lines.push(`Success: ${n.success}`);
    }
    if (typeof n.learnings === 'number') {
      lines.push(`Learnings: ${n.learnings}`);
    }
    if (n.gap) {
      lines.push(`Gap: ${n.gap}`);
    }
    return lines;
  }

  function drawSvg(/** @type {any} */ m) {
    const byKey = new Map(m.map.nodes.map((/** @type {any} */ n) => [n.key, n]));
    const svg = svgEl('svg', { viewBox: `0 0 ${m.layout.width} ${m.layout.height}`, role: 'group', 'aria-label': 'Values map: vision, values, focus areas and commitments', class: 'map' });
    const edges = svgEl('g', { class: 'edges', 'aria-hidden': 'true' });
    for (const e of m.layout.edges) {
      if (typeof e.path !== 'string' || !/^[MCL0-9., -]+$/.test(e.path)) {
        continue;
      }
      const to = /** @type {any} */ (byKey.get(e.to));
      const from = /** @type {any} */ (byKey.get(e.from));
      const cls = ['edge'];
      if ((from && from.kind === 'unlinked') || (to && to.gap)) {
        cls.push('gap');
      }
      edges.appendChild(svgEl('path', { d: e.path, class: cls.join(' ') }));
    }
    svg.appendChild(edges);
    const nodes = svgEl('g', { class: 'nodes' });
    m.layout.nodes.forEach((/** @type {any} */ box, /** @type {number} */ i) => {
      const n = /** @type {any} */ (byKey.get(box.key));
      if (!n) {
        return;
      }
      const cls = ['node', `kind-${n.kind}`];
      if (n.gap) {
        cls.push('gap');
      }
      if (n.overdue) {
        cls.push('overdue');
      }
      if (n.kind === 'commitment' && n.status && n.status !== 'open') {
        cls.push('closed');
      }
      const g = svgEl('g', { class: cls.join(' '), transform: `translate(${Number(box.x)} ${Number(box.y)})`, 'data-index': i });
      const tip = tooltip(n);
      const title = svgEl('title');
      title.textContent = tip.join('\n');
      g.appendChild(title);
      g.appendChild(svgEl('rect', { class: 'box', width: Number(box.width), height: Number(box.height), rx: n.kind === 'commitment' ? 6 : n.kind === 'vision' ? 14 : 10 }));
      if (n.gap) {
        g.appendChild(svgEl('rect', { class: 'gap-mark', x: -4, y: -4, width: Number(box.width) + 8, height: Number(box.height) + 8, rx: 12 }));
      }
      const text = svgEl('text', { x: 10, y: 10 });
      (Array.isArray(box.lines) ? box.lines : [String(n.label)]).forEach((/** @type {string} */ line, /** @type {number} */ j) => {
        const tspan = svgEl('tspan', { x: 10, y: 10 + 12 + j * 16 });
        tspan.appendChild(document.createTextNode(String(line)));
        text.appendChild(tspan);
      });
      g.appendChild(text);
      if (n.file) {
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button');
        g.setAttribute('aria-label', `${tip.join('. ')}. Press Enter to open the note.`);
      } else {
        g.setAttribute('role', 'img');
        g.setAttribute('aria-label', tip.join('. '));
      }
      nodes.appendChild(g);
    });
    svg.appendChild(nodes);
    return svg;
  }

  // One listener per kind of event on the canvas (not four per node: maps have thousands of nodes).
  /** @returns {any} the map node of the node group an event happened in */
  function nodeOf(/** @type {Event} */ e) {
    const target = /** @type {Element|null} */ (e.target);
    const g = target && target.closest ? target.closest('g.node') : null;
    const box = g && last ? last.layout.nodes[Number(g.getAttribute('data-index'))] : undefined;
    return box ? last.map.nodes.find((/** @type {any} */ n) => n.key === box.key) : undefined;
  }

  function open(/** @type {any} */ n) {
    if (n && n.file) {
      select(n.key);
      vscode.postMessage({ type: 'open', key: n.key });
    }
  }

  canvas.addEventListener('click', (e) => open(nodeOf(e)));
  canvas.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      const n = nodeOf(e);
      if (n && n.file) {
        e.preventDefault();
        open(n);
      }
    }
  });
  canvas.addEventListener('focusin', (e) => {
    const n = nodeOf(e);
    if (n) {
      select(n.key);
    }
  });
  canvas.addEventListener('mouseover', (e) => {
    const n = nodeOf(e);
    showDetails(n ? n.key : state.selected);
  });
  canvas.addEventListener('mouseleave', () => showDetails(state.selected));

  function select(/** @type {string} */ key) {
    state.selected = key;
    save();
    for (const g of canvas.querySelectorAll('g.node.selected')) {
      g.classList.remove('selected');
    }
    const g = canvas.querySelector(`g.node[data-index="${indexOfKey(key)}"]`);
    if (g) {
      g.classList.add('selected');
    }
    showDetails(key);
  }

  function showDetails(/** @type {string|undefined} */ key) {
    const n = key && last ? last.map.nodes.find((/** @type {any} */ x) => x.key === key) : undefined;
    if (!n) {
      details.replaceChildren();
      return;
    }
    const parts = tooltip(n);
    const strong = htmlEl('strong', '', parts[0]);
    details.replaceChildren(strong, ...parts.slice(1).map((p) => htmlEl('span', '', p)));
  }

  // ---- SVG export: the drawing with its theme colours resolved, so it reads outside VS Code ----------
  const EXPORTED_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-opacity', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style'];

  function exportableSvg() {
    const live = canvas.querySelector('svg');
    if (!live || !last) {
      return undefined;
    }
    const clone = /** @type {SVGSVGElement} */ (live.cloneNode(true));
    const liveAll = [live, ...live.querySelectorAll('*')];
    const cloneAll = [clone, ...clone.querySelectorAll('*')];
    liveAll.forEach((node, i) => {
      const target = cloneAll[i];
      target.removeAttribute('tabindex');
      target.removeAttribute('data-index');
      target.removeAttribute('role');
      if (node.tagName === 'svg' || node.tagName === 'title' || node.tagName === 'g' && node.classList.contains('edges')) {
        return;
      }
      const style = getComputedStyle(node);
      for (const p of EXPORTED_PROPS) {
        const v = style.getPropertyValue(p);
        if (v) {
          target.setAttribute(p, v);
        }
      }
      target.removeAttribute('class');
    });
    clone.removeAttribute('class');
    clone.setAttribute('xmlns', SVG_NS);
    clone.setAttribute('width', String(last.layout.width));
    clone.setAttribute('height', String(last.layout.height));
    const background = svgEl('rect', { width: '100%', height: '100%', fill: getComputedStyle(document.body).backgroundColor || 'white' });
    clone.insertBefore(background, clone.firstChild);
    return new XMLSerializer().serializeToString(clone);
  }

  syncControls();
  save();
  vscode.postMessage({ type: 'ready' });
})();
