/**
 * The values-to-actions map as data: vision → values → focus areas → commitments, plus a lane for
 * commitments linked to no value, and the gaps worth noticing. The webview draws it; the CLI prints it
 * as JSON or Mermaid. Node order is deterministic (the journal's own order), so the same journal always
 * gives the same map.
 */
import { effectiveValues, type Commitment, type JournalSnapshot } from './journal';
import { isOverdue } from './status';

export type MapNodeKind = 'vision' | 'value' | 'focus-area' | 'commitment' | 'unlinked';

export interface MapNode {
  /** Stable node id: `vision`, `value:<id>`, `focus:<id>`, `action:<id>`, `unlinked`. */
  key: string;
  kind: MapNodeKind;
  /** The journal id (value, focus area or commitment id). */
  id?: string;
  label: string;
  /** 0 vision, 1 values, 2 focus areas, 3 commitments. */
  layer: number;
  file?: string;
  line?: number;
  status?: string;
  overdue?: boolean;
  due?: string;
  success?: string;
  learnings?: number;
  /** Why this node is a gap, when it is one. */
  gap?: string;
}

export interface MapEdge {
  from: string;
  to: string;
}

export interface ValuesMap {
  nodes: MapNode[];
  edges: MapEdge[];
  gaps: {
    valuesWithoutAction: string[];
    focusAreasWithoutOpenCommitment: string[];
    unlinkedCommitments: string[];
  };
}

export interface MapOptions {
  today: string;
  /** `open` (default): open commitments only; `all`: also those closed since `since`. */
  include?: 'open' | 'all';
  /** With `all`: closed commitments count from this date on (inclusive). */
  since?: string;
  /** Only this focus area (and its values). */
  focus?: string;
  /**
   * The period gaps are counted over. A value has an action in it when an active focus area or an open
   * commitment serves it (now), or a commitment serving it was made or closed within the period (from
   * `since`, inclusive, to `today`; without `since`: any time up to `today`). Absent: only the active
   * focus areas and open commitments count (the gaps of right now).
   */
  gapPeriod?: { since?: string; label: string };
}

/** True when a commitment was made or closed within the period (`since`..`today`, inclusive). */
function activeIn(c: Commitment, since: string | undefined, today: string): boolean {
  return [c.made, c.closed].some((d) => !!d && d <= today && (!since || d >= since));
}

function keep(c: Commitment, o: MapOptions): boolean {
  if (o.focus && c.focus !== o.focus) {
    return false;
  }
  if (c.status === 'open') {
    return true;
  }
  if (o.include !== 'all') {
    return false;
  }
  const when = c.closed ?? c.made;
  return !o.since || when >= o.since;
}

export function buildValuesMap(snap: JournalSnapshot, options: MapOptions): ValuesMap {
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const bp = snap.bigPicture;
  nodes.push({ key: 'vision', kind: 'vision', label: bp?.vision ?? 'No vision yet', layer: 0, file: bp?.loc.file, line: bp?.loc.line, gap: bp?.vision ? undefined : 'no vision written yet' });

  const focusAreas = snap.focusAreas.filter((f) => (options.focus ? f.id === options.focus : f.status === 'active' || f.status === 'paused'));
  const commitments = snap.commitments.filter((c) => keep(c, options));
  const openByFocus = new Map<string, number>();
  const valueServed = new Set<string>();
  for (const c of snap.commitments) {
    if (c.status === 'open') {
      if (c.focus) {
        openByFocus.set(c.focus, (openByFocus.get(c.focus) ?? 0) + 1);
      }
      effectiveValues(c, snap).forEach((v) => valueServed.add(v));
    } else if (options.gapPeriod && activeIn(c, options.gapPeriod.since, options.today)) {
      effectiveValues(c, snap).forEach((v) => valueServed.add(v));
    }
  }
  for (const f of snap.focusAreas) {
    if (f.status === 'active') {
      f.values.forEach((v) => valueServed.add(v));
    }
  }

  const gaps: ValuesMap['gaps'] = { valuesWithoutAction: [], focusAreasWithoutOpenCommitment: [], unlinkedCommitments: [] };
  for (const v of snap.values) {
    const gap = valueServed.has(v.id) ? undefined : options.gapPeriod
      ? `no active focus area, no open commitment, and no commitment made or closed ${options.gapPeriod.label}`
      : 'no active focus area and no open commitment';
    if (gap) {
      gaps.valuesWithoutAction.push(v.id);
    }
    nodes.push({ key: `value:${v.id}`, kind: 'value', id: v.id, label: v.name, layer: 1, file: v.loc.file, line: v.loc.line, gap });
    edges.push({ from: 'vision', to: `value:${v.id}` });
  }
  for (const f of focusAreas) {
    const gap = f.status === 'active' && !openByFocus.get(f.id) ? 'no open commitment' : undefined;
    if (gap) {
      gaps.focusAreasWithoutOpenCommitment.push(f.id);
    }
    nodes.push({ key: `focus:${f.id}`, kind: 'focus-area', id: f.id, label: f.title, layer: 2, file: f.loc.file, line: f.loc.line, status: f.status, success: f.success, gap });
    for (const v of f.values) {
      if (snap.valueById.has(v)) {
        edges.push({ from: `value:${v}`, to: `focus:${f.id}` });
      }
    }
  }
  const focusShown = new Set(focusAreas.map((f) => f.id));
  let unlinkedLane = false;
  for (const c of commitments) {
    const values = effectiveValues(c, snap).filter((v) => snap.valueById.has(v));
    const unlinked = values.length === 0;
    if (unlinked && c.status === 'open') {
      gaps.unlinkedCommitments.push(c.id);
    }
    nodes.push({
      key: `action:${c.id}`, kind: 'commitment', id: c.id, label: c.text, layer: 3, file: c.loc.file, line: c.loc.line,
      status: c.status, overdue: isOverdue(c, options.today), due: c.due, success: c.success,
      learnings: c.learnings.length + c.checkins.reduce((n, k) => n + k.learnings.length, 0),
      gap: unlinked ? 'linked to no value' : undefined,
    });
    if (c.focus && focusShown.has(c.focus)) {
      edges.push({ from: `focus:${c.focus}`, to: `action:${c.id}` });
    } else if (!unlinked) {
      for (const v of values) {
        edges.push({ from: `value:${v}`, to: `action:${c.id}` });
      }
    }
    if (unlinked) {
      unlinkedLane = true;
      edges.push({ from: 'unlinked', to: `action:${c.id}` });
    }
  }
  if (unlinkedLane) {
    nodes.push({ key: 'unlinked', kind: 'unlinked', label: 'Linked to no value', layer: 1, gap: 'commitments that serve no value' });
  }
  return { nodes, edges, gaps };
}

/**
 * A node label as a quoted Mermaid string: line breaks become spaces, long text is cut at a whole
 * character, and every character that could end the string, start markup, a markdown string or a
 * comment (`" & < > # \` %`) is written as a Mermaid entity (`#34;`), which Mermaid shows as the character.
 */
function mermaidLabel(text: string): string {
  const chars = [...text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')];
  const short = chars.length > 60 ? chars.slice(0, 57).join('') + '…' : chars.join('');
  return '"' + short.replace(/[&"<>#`%]/g, (c) => `#${c.charCodeAt(0)};`).replace(/[\u0000-\u001f\u007f]/g, ' ') + '"';
}

/** The map as a Mermaid flowchart (for a markdown file in git). */
export function mapToMermaid(map: ValuesMap): string {
  const ids = new Map(map.nodes.map((n, i) => [n.key, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const n of map.nodes) {
    const id = ids.get(n.key)!;
    const label = mermaidLabel(n.label);
    const shape = n.kind === 'vision' ? `((${label}))` : n.kind === 'value' ? `([${label}])` : n.kind === 'focus-area' ? `[${label}]` : n.kind === 'unlinked' ? `{{${label}}}` : `(${label})`;
    lines.push(`  ${id}${shape}`);
  }
  for (const e of map.edges) {
    lines.push(`  ${ids.get(e.from)} --> ${ids.get(e.to)}`);
  }
  const gapNodes = map.nodes.filter((n) => n.gap).map((n) => ids.get(n.key));
  if (gapNodes.length) {
    lines.push('  classDef gap stroke-dasharray: 5 5,stroke-width:2px');
    lines.push(`  class ${gapNodes.join(',')} gap`);
  }
  return lines.join('\n') + '\n';
}
