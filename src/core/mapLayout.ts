/**
 * A deterministic layered layout of the values-to-actions map: four columns (vision | values and the
 * "linked to no value" lane | focus areas | commitments), nodes ordered inside each column to keep edge
 * crossings low, and the geometry the webview draws (node boxes, wrapped label lines, edge paths).
 *
 * Ordering is the barycenter heuristic of Sugiyama-style layered drawing:
 *   1. Start from a canonical order that does not depend on the order of the input arrays: nodes sorted
 *      by (file, line, key) — the journal's own order (values as written in the big picture, focus areas
 *      by file, commitments by session and position).
 *   2. Sweep left to right: each node of column c gets the mean of the relative positions
 *      ((index + 0.5) / column size) of its neighbours in columns before c; then right to left with the
 *      neighbours in columns after c. Relative positions make long edges (value → commitment, skipping
 *      the focus-area column) comparable with short ones. A node with no neighbour on that side keeps
 *      its current relative position.
 *   3. Sort each column by barycenter; ties are broken by the current position, then by key, so the
 *      result is a pure function of the map.
 *   4. Repeat for a fixed number of sweeps and keep the best order seen (fewest crossings, counted on the
 *      straight segments between columns), so a sweep can never make the picture worse than the
 *      canonical order.
 * The "linked to no value" lane always stays at the bottom of its column, after the values.
 *
 * No measuring of text: labels are wrapped by character count, so the layout is the same in Node, in
 * the CLI and in any webview.
 */
import type { MapEdge, MapNode, ValuesMap } from './map';

export interface LayoutNode {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label wrapped into at most `maxLines` lines (the last one ellipsised if the text is longer). */
  lines: string[];
}

export interface LayoutEdge {
  from: string;
  to: string;
  /**
   * An SVG path (`M … C …`, with `L` runs across skipped columns) from the right side of the node in the
   * left column to the left side of the node in the right column.
   */
  path: string;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Node keys per column, top to bottom (column 0 vision … 3 commitments). */
  columns: string[][];
  /** Edge crossings of this layout (see `countCrossings`). */
  crossings: number;
}

export interface LayoutOptions {
  /** Barycenter sweeps (each one left-to-right then right-to-left). Default 4. */
  sweeps?: number;
  /** Keep the order of the canonical sort (no crossing reduction): for comparisons and tests. */
  naive?: boolean;
}

const COLUMN_WIDTH = [200, 190, 210, 250];
const COLUMN_GAP = 70;
const MARGIN = 16;
const NODE_GAP = 14;
const LANE_GAP = 36;
const LINE_HEIGHT = 16;
const PADDING_Y = 10;
const MAX_LINES = 3;
/** Roughly how many characters of 12px text fit in a node of a given width. */
const charsPerLine = (width: number): number => Math.max(8, Math.floor((width - 20) / 6.6));

const COLUMNS = 4;

function columnOf(n: MapNode): number {
  return Math.max(0, Math.min(COLUMNS - 1, n.layer));
}

function compareCanonical(a: MapNode, b: MapNode): number {
  // The unlinked lane sits below the values in its column.
  const lane = Number(a.kind === 'unlinked') - Number(b.kind === 'unlinked');
  if (lane !== 0) {
    return lane;
  }
  const fa = a.file ?? '\uffff';
  const fb = b.file ?? '\uffff';
  if (fa !== fb) {
    return fa < fb ? -1 : 1;
  }
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  if (la !== lb) {
    return la - lb;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The canonical column orders: independent of the order of `map.nodes`. */
function canonicalColumns(map: ValuesMap): MapNode[][] {
  const columns: MapNode[][] = Array.from({ length: COLUMNS }, () => []);
  for (const n of map.nodes) {
    columns[columnOf(n)].push(n);
  }
  return columns.map((c) => c.sort(compareCanonical));
}

/** Edges between nodes that exist, deduplicated and sorted (so edge order cannot matter either). */
function cleanEdges(map: ValuesMap): MapEdge[] {
  const keys = new Set(map.nodes.map((n) => n.key));
  const seen = new Set<string>();
  const out: MapEdge[] = [];
  for (const e of map.edges) {
    const id = `${e.from}\u0000${e.to}`;
    if (keys.has(e.from) && keys.has(e.to) && e.from !== e.to && !seen.has(id)) {
      seen.add(id);
      out.push({ from: e.from, to: e.to });
    }
  }
  return out.sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : a.to > b.to ? 1 : 0) : a.from < b.from ? -1 : 1));
}

type Order = string[][];

function relativePositions(order: Order): Map<string, number> {
  const pos = new Map<string, number>();
  for (const col of order) {
    col.forEach((k, i) => pos.set(k, (i + 0.5) / col.length));
  }
  return pos;
}

/**
 * Edge crossings of a column order, counted on straight segments between node centres, with every node
 * given its relative position in its column ((index + 0.5) / size). Two edges cross between two adjacent
 * columns when their vertical order strictly flips there (so edges that share an endpoint never count);
 * an edge that skips a column passes it at the interpolated height. O(E log E) per pair of columns: the
 * crossings are the inversions of the right-hand ends once sorted by the left-hand ends.
 */
export function countCrossings(columns: readonly (readonly string[])[], edges: readonly MapEdge[]): number {
  const colOf = new Map<string, number>();
  columns.forEach((col, c) => col.forEach((k) => colOf.set(k, c)));
  const pos = relativePositions(columns as Order);
  const gaps: [number, number][][] = Array.from({ length: Math.max(0, columns.length - 1) }, () => []);
  for (const e of edges) {
    const ca = colOf.get(e.from);
    const cb = colOf.get(e.to);
    if (ca === undefined || cb === undefined || ca === cb) {
      continue;
    }
    const [a, b, ya, yb] = ca < cb ? [ca, cb, pos.get(e.from)!, pos.get(e.to)!] : [cb, ca, pos.get(e.to)!, pos.get(e.from)!];
    const yAt = (c: number): number => ya + ((yb - ya) * (c - a)) / (b - a);
    for (let c = a; c < b; c++) {
      gaps[c].push([yAt(c), yAt(c + 1)]);
    }
  }
  let crossings = 0;
  for (const segs of gaps) {
    segs.sort((s, t) => s[0] - t[0] || s[1] - t[1]);
    crossings += strictInversions(segs.map((s) => s[1]));
  }
  return crossings;
}

/** Pairs i < j with values[i] > values[j] (merge sort). */
function strictInversions(values: number[]): number {
  if (values.length < 2) {
    return 0;
  }
  const mid = values.length >> 1;
  const left = values.slice(0, mid);
  const right = values.slice(mid);
  let count = strictInversions(left) + strictInversions(right);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length) {
    if (left[i] <= right[j]) {
      values[k++] = left[i++];
    } else {
      count += left.length - i;
      values[k++] = right[j++];
    }
  }
  while (i < left.length) {
    values[k++] = left[i++];
  }
  while (j < right.length) {
    values[k++] = right[j++];
  }
  return count;
}

function sweep(order: Order, neighbours: Map<string, string[]>[], direction: 'down' | 'up', pinned: Set<string>): Order {
  const next = order.map((c) => [...c]);
  const cols = direction === 'down' ? [1, 2, 3] : [2, 1, 0];
  for (const c of cols) {
    const pos = relativePositions(next);
    const side = neighbours[direction === 'down' ? 0 : 1];
    const col = next[c];
    const bary = new Map<string, number>();
    col.forEach((k, i) => {
      const ns = side.get(k) ?? [];
      bary.set(k, ns.length ? ns.reduce((s, n) => s + pos.get(n)!, 0) / ns.length : (i + 0.5) / col.length);
    });
    const index = new Map(col.map((k, i) => [k, i]));
    const free = col.filter((k) => !pinned.has(k));
    free.sort((a, b) => bary.get(a)! - bary.get(b)! || index.get(a)! - index.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
    next[c] = [...free, ...col.filter((k) => pinned.has(k))];
  }
  return next;
}

/** Orders the nodes of each column to keep edge crossings low (see the module comment). */
export function orderColumns(map: ValuesMap, options: LayoutOptions = {}): { columns: string[][]; crossings: number } {
  const edges = cleanEdges(map);
  let order: Order = canonicalColumns(map).map((c) => c.map((n) => n.key));
  let best = { columns: order, crossings: countCrossings(order, edges) };
  if (options.naive) {
    return best;
  }
  const colOf = new Map<string, number>();
  order.forEach((col, c) => col.forEach((k) => colOf.set(k, c)));
  // neighbours[0]: in columns to the left; neighbours[1]: in columns to the right.
  const neighbours = [new Map<string, string[]>(), new Map<string, string[]>()];
  const add = (m: Map<string, string[]>, k: string, n: string): void => {
    m.set(k, [...(m.get(k) ?? []), n]);
  };
  for (const e of edges) {
    const a = colOf.get(e.from)!;
    const b = colOf.get(e.to)!;
    if (a < b) {
      add(neighbours[0], e.to, e.from);
      add(neighbours[1], e.from, e.to);
    } else if (b < a) {
      add(neighbours[0], e.from, e.to);
      add(neighbours[1], e.to, e.from);
    }
  }
  const pinned = new Set(map.nodes.filter((n) => n.kind === 'unlinked').map((n) => n.key));
  const sweeps = options.sweeps ?? 4;
  for (let i = 0; i < sweeps && best.crossings > 0; i++) {
    for (const direction of ['down', 'up'] as const) {
      order = sweep(order, neighbours, direction, pinned);
      const crossings = countCrossings(order, edges);
      if (crossings < best.crossings) {
        best = { columns: order, crossings };
      }
    }
  }
  return best;
}

/** Wraps text into lines of at most `width` characters, breaking at spaces when it can. */
export function wrapLabel(text: string, width: number, maxLines = MAX_LINES): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let i = 0;
  for (; i < words.length; i++) {
    let word = words[i];
    while (word.length > width) {
      // A word longer than a line is cut.
      if (current) {
        lines.push(current);
        current = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!current) {
      current = word;
    } else if (current.length + 1 + word.length <= width) {
      current += ' ' + word;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current) {
    lines.push(current);
  }
  if (lines.length === 0) {
    return [''];
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1];
    kept[maxLines - 1] = (last.length >= width ? last.slice(0, width - 1) : last) + '…';
    return kept;
  }
  return lines;
}

/**
 * Lays the map out: a pure, deterministic function of the map's nodes and edges (the same map, in any
 * array order, gives the identical layout).
 */
export function layoutValuesMap(map: ValuesMap, options: LayoutOptions = {}): MapLayout {
  const { columns, crossings } = orderColumns(map, options);
  const byKey = new Map(map.nodes.map((n) => [n.key, n]));
  const boxes = new Map<string, LayoutNode>();
  const columnHeights: number[] = [];
  let x = MARGIN;
  columns.forEach((col, c) => {
    const width = COLUMN_WIDTH[c];
    let y = 0;
    col.forEach((key, i) => {
      const node = byKey.get(key)!;
      if (node.kind === 'unlinked' && i > 0) {
        y += LANE_GAP - NODE_GAP;
      }
      const lines = wrapLabel(node.label, charsPerLine(width));
      const height = PADDING_Y * 2 + lines.length * LINE_HEIGHT;
      boxes.set(key, { key, x, y, width, height, lines });
      y += height + NODE_GAP;
    });
    columnHeights.push(Math.max(0, y - NODE_GAP));
    x += width + COLUMN_GAP;
  });
  const innerHeight = Math.max(0, ...columnHeights);
  // Centre every column vertically against the tallest one.
  columns.forEach((col, c) => {
    const shift = MARGIN + Math.round((innerHeight - columnHeights[c]) / 2);
    col.forEach((key) => {
      boxes.get(key)!.y += shift;
    });
  });
  const nodes = columns.flat().map((k) => boxes.get(k)!);
  const columnBoxes = columns.map((col) => col.map((k) => boxes.get(k)!));
  const colOf = new Map<string, number>();
  columns.forEach((col, c) => col.forEach((k) => colOf.set(k, c)));
  const edges = cleanEdges(map).map((e) => {
    const [s, t] = colOf.get(e.from)! <= colOf.get(e.to)! ? [boxes.get(e.from)!, boxes.get(e.to)!] : [boxes.get(e.to)!, boxes.get(e.from)!];
    return { from: e.from, to: e.to, path: edgePath(s, t, columnBoxes.slice(colOf.get(s.key)! + 1, colOf.get(t.key)!)) };
  });
  return { width: x - COLUMN_GAP + MARGIN, height: innerHeight + MARGIN * 2, nodes, edges, columns, crossings };
}

/**
 * A curve from the right side of `s` to the left side of `t`. An edge that skips columns (a value straight
 * to a commitment) crosses each skipped column through the gap between two of its nodes nearest to the
 * straight line, instead of running behind a node.
 */
function edgePath(s: LayoutNode, t: LayoutNode, skipped: LayoutNode[][]): string {
  const points: [number, number][] = [[s.x + s.width, s.y + s.height / 2]];
  const x2 = t.x;
  const y2 = t.y + t.height / 2;
  for (const col of skipped) {
    if (col.length === 0) {
      continue;
    }
    const left = col[0].x;
    const right = col[0].x + col[0].width;
    const [x0, y0] = points[points.length - 1];
    const ideal = y0 + ((y2 - y0) * (left - x0)) / Math.max(1, x2 - x0);
    // Candidate passages: above the first node, between two nodes, below the last one.
    const passages = [col[0].y - NODE_GAP / 2, ...col.slice(1).map((n, i) => (col[i].y + col[i].height + n.y) / 2), col[col.length - 1].y + col[col.length - 1].height + NODE_GAP / 2];
    let best = passages[0];
    for (const p of passages) {
      if (Math.abs(p - ideal) < Math.abs(best - ideal)) {
        best = p;
      }
    }
    points.push([left, best], [right, best]);
  }
  points.push([x2, y2]);
  let d = `M ${points[0][0]} ${points[0][1]}`;
  for (let i = 1; i < points.length; i++) {
    const [xa, ya] = points[i - 1];
    const [xb, yb] = points[i];
    if (i % 2 === 0 && i < points.length - 1) {
      d += ` L ${xb} ${yb}`; // straight through a skipped column
    } else {
      const mid = xa + (xb - xa) / 2;
      d += ` C ${mid} ${ya}, ${mid} ${yb}, ${xb} ${yb}`;
    }
  }
  return d;
}
