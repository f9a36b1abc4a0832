/**
 * Minimal, verified edits of a note's frontmatter. An edit is a list of operations ("set this scalar",
 * "append this record to that list"); each is turned into an insertion or a replacement at the exact
 * offsets `yaml`'s Document reports, so every other byte of the file — comments, key order, quoting,
 * blank lines, line endings, the body — stays as it was. The result is then read back with the fast
 * reader and compared with the expected data; if they differ in any way, nothing is returned.
 */
import type { Node, YAMLMap, Pair, Scalar } from 'yaml';
import { yamlLib } from './yamlLibs';
import { splitFrontmatter } from './frontmatter';
import { readYaml } from './yamlRead';
import { detectEol } from './text';
import { Word, renderBlockSeqLines, renderFlow, scalar, quoteDouble, quoteSingle, isPlainSafe, type YamlValue } from './render';

/** A replacement of `text.slice(start, end)` by `newText`; offsets are in the note's text (no BOM). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type EditErrorCode = 'no-frontmatter' | 'unparseable' | 'not-found' | 'not-a-list' | 'unsafe' | 'invalid-input' | 'exists';

/** An edit that cannot be made. The message says what and what to do; nothing was changed. */
export class EditError extends Error {
  constructor(message: string, readonly code: EditErrorCode) {
    super(message);
    this.name = 'EditError';
  }
}

export type YamlPath = (string | number)[];

export type EditOp =
  /** Set `key` of the mapping at `path` to a scalar (replacing its value, or adding the key). */
  | { op: 'set'; path: YamlPath; key: string; value: string | number | boolean | Word }
  /** Append `item` to the list `key` of the mapping at `path` (creating the list when missing or empty). */
  | { op: 'append'; path: YamlPath; key: string; item: YamlValue };

/** Applies text edits (non-overlapping; same-offset insertions keep their order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { e } of sorted) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function diffToEdit(before: string, after: string): TextEdit[] {
  if (before === after) {
    return [];
  }
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) {
    p++;
  }
  // Do not split a surrogate pair or a CRLF between the kept prefix and the edit.
  while (p > 0 && (isLowSurrogate(before.charCodeAt(p)) || (before[p] === '\n' && before[p - 1] === '\r'))) {
    p--;
  }
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) {
    s++;
  }
  while (s > 0 && (isLowSurrogate(before.charCodeAt(before.length - s)) || (before[before.length - s] === '\n' && before[before.length - s - 1] === '\r'))) {
    s--;
  }
  return [{ start: p, end: before.length - s, newText: after.slice(p, after.length - s) }];
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Offset just after the last character of the line holding `offset - 1` (before its line break). */
function lineEndAfter(text: string, offset: number): number {
  let p = offset;
  if (p > 0 && text[p - 1] === '\n') {
    p--;
    if (p > 0 && text[p - 1] === '\r') {
      p--;
    }
    return p;
  }
  const nl = text.indexOf('\n', p);
  if (nl < 0) {
    return text.length;
  }
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

function columnOf(text: string, offset: number): number {
  const nl = text.lastIndexOf('\n', offset - 1);
  return offset - (nl + 1);
}

function keyOf(pair: Pair): unknown {
  return yamlLib().isScalar(pair.key) ? pair.key.value : pair.key;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  const { isPair } = yamlLib();
  return map.items.find((p) => isPair(p) && keyOf(p) === key) as Pair | undefined;
}

function describe(path: YamlPath, key?: string): string {
  const parts = [...path, ...(key === undefined ? [] : [key])];
  return parts.length ? parts.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[') : 'the frontmatter';
}

function plainValue(v: unknown): unknown {
  if (v instanceof Word) {
    return v.text;
  }
  if (Array.isArray(v)) {
    return v.map(plainValue);
  }
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x !== undefined) {
        out[k] = plainValue(x);
      }
    }
    return out;
  }
  return v;
}

/** Formats a new scalar in the style of the one it replaces. */
function styledScalar(value: string | number | boolean | Word, old: Scalar | undefined): string {
  if (typeof value !== 'string' && !(value instanceof Word)) {
    return scalar(value);
  }
  const text = value instanceof Word ? value.text : value;
  switch (old?.type) {
    case 'QUOTE_SINGLE':
      return quoteSingle(text);
    case 'QUOTE_DOUBLE':
      return quoteDouble(text);
    case 'PLAIN':
      return isPlainSafe(text) ? text : quoteDouble(text);
    default:
      return scalar(value);
  }
}

/** Applies one operation to the YAML text; returns the new YAML text. */
function applyOp(yaml: string, op: EditOp, eol: string): string {
  const { parseDocument, isScalar, isMap, isSeq } = yamlLib();
  const doc = parseDocument(yaml, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    throw new EditError(`The frontmatter is not valid YAML (${doc.errors[0].message.split('\n')[0]}): fix it first; nothing was changed.`, 'unparseable');
  }
  const target: unknown = op.path.length === 0 ? doc.contents : doc.getIn(op.path, true);
  if (op.path.length === 0 && (target === null || (isScalar(target) && (target as Scalar).value === null))) {
    // Empty frontmatter: the new key starts the mapping.
    const line = op.op === 'set' ? `${op.key}: ${styledScalar(op.value, undefined)}` : [`${op.key}:`, ...renderBlockSeqLines([op.item], 2)].join(eol);
    return yaml + line + eol;
  }
  if (!isMap(target)) {
    throw new EditError(`Cannot edit ${describe(op.path)}: it is not a mapping of fields.`, 'not-found');
  }
  const map = target as YAMLMap;
  const pair = findPair(map, op.key);
  const value = pair?.value as Node | null | undefined;

  if (op.op === 'set') {
    if (pair && isScalar(value) && value.range) {
      const [s, e] = value.range;
      const formatted = styledScalar(op.value, value as Scalar);
      if (s === e) {
        return yaml.slice(0, s) + (yaml[s - 1] === ':' ? ' ' : '') + formatted + yaml.slice(e);
      }
      if (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED') {
        // A block scalar spans lines up to its end: replace it whole, keeping the line break after it.
        const end = lineEndAfter(yaml, e);
        return yaml.slice(0, s) + formatted + yaml.slice(end);
      }
      return yaml.slice(0, s) + formatted + yaml.slice(e);
    }
    if (pair) {
      throw new EditError(`Cannot set ${describe(op.path, op.key)}: it holds a list or mapping, not a single value.`, 'not-a-list');
    }
    return insertKey(yaml, map, op.key, [`${op.key}: ${styledScalar(op.value, undefined)}`], `${op.key}: ${styledScalar(op.value, undefined)}`, eol);
  }

  // append
  if (pair && isSeq(value) && value.range) {
    const seq = value;
    const range = value.range;
    if (seq.flow) {
      const last = seq.items[seq.items.length - 1] as Node | undefined;
      if (last?.range) {
        const at = last.range[1];
        return yaml.slice(0, at) + ', ' + renderFlow(op.item) + yaml.slice(at);
      }
      const open = yaml.indexOf('[', range[0]);
      return yaml.slice(0, open + 1) + renderFlow(op.item) + yaml.slice(open + 1);
    }
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    const indent = columnOf(yaml, range[0]);
    const at = lineEndAfter(yaml, last?.range ? last.range[1] : range[1]);
    return yaml.slice(0, at) + eol + renderBlockSeqLines([op.item], indent).join(eol) + yaml.slice(at);
  }
  if (pair && (value === null || value === undefined || (isScalar(value) && value.value === null))) {
    // `key:` or `key: null` / `key: ~`: the list starts on the next lines.
    const keyNode = pair.key as Node;
    const keyIndent = keyNode.range ? columnOf(yaml, keyNode.range[0]) : 0;
    let text = yaml;
    let from = keyNode.range ? keyNode.range[1] : 0;
    if (isScalar(value) && value.range && value.range[1] > value.range[0]) {
      const colon = yaml.lastIndexOf(':', value.range[0]);
      text = yaml.slice(0, colon + 1) + yaml.slice(value.range[1]);
      from = colon + 1;
    }
    const at = lineEndAfter(text, from);
    return text.slice(0, at) + eol + renderBlockSeqLines([op.item], keyIndent + 2).join(eol) + text.slice(at);
  }
  if (pair) {
    throw new EditError(`Cannot add to ${describe(op.path, op.key)}: it is not a list. Make it a list (entries starting with "- ") first.`, 'not-a-list');
  }
  return insertKey(yaml, map, op.key, [`${op.key}:`, ...renderBlockSeqLines([op.item], 2)], `${op.key}: [${renderFlow(op.item)}]`, eol);
}

/**
 * Adds a key to a mapping: new lines after its last entry (block style) or `, key: …` (flow style).
 * `blockLines` are indented relative to the mapping's own keys.
 */
function insertKey(yaml: string, map: YAMLMap, key: string, blockLines: string[], flowText: string, eol: string): string {
  const lastPair = map.items[map.items.length - 1] as Pair | undefined;
  const lastNode = (lastPair?.value ?? lastPair?.key) as Node | null | undefined;
  if (map.flow) {
    if (lastNode?.range) {
      const at = lastNode.range[1];
      return yaml.slice(0, at) + ', ' + flowText + yaml.slice(at);
    }
    const open = yaml.indexOf('{', map.range ? map.range[0] : 0);
    return yaml.slice(0, open + 1) + flowText + yaml.slice(open + 1);
  }
  if (!lastNode?.range || !lastPair) {
    throw new EditError(`Cannot add \`${key}\`: the mapping has no entries to place it after.`, 'unsafe');
  }
  const firstKey = (map.items[0].key as Node).range!;
  const indent = columnOf(yaml, firstKey[0]);
  const pad = ' '.repeat(indent);
  // An empty value (`key:`) has a zero-length range right after the colon: end at the key's line.
  const end = lastNode.range[1] > lastNode.range[0] ? lastNode.range[1] : ((lastPair.key as Node).range?.[1] ?? lastNode.range[1]);
  const at = lineEndAfter(yaml, end);
  return yaml.slice(0, at) + eol + blockLines.map((l) => pad + l).join(eol) + yaml.slice(at);
}

function getIn(data: unknown, path: YamlPath): unknown {
  let cur = data;
  for (const p of path) {
    cur = (cur as Record<string | number, unknown> | null | undefined)?.[p];
  }
  return cur;
}

/** Deep equality that visits each pair of shared nodes once (aliases stay cheap). */
function deepEqual(a: unknown, b: unknown, seen = new Map<object, Set<object>>()): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  let set = seen.get(a);
  if (set?.has(b)) {
    return true;
  }
  if (!set) {
    set = new Set();
    seen.set(a, set);
  }
  set.add(b);
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) {
    return false;
  }
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen)) {
      return false;
    }
  }
  return true;
}

/**
 * True when the YAML text has an alias (`*name`). Edits refuse such notes: an alias shares its anchor's
 * node, so changing one would change the others, and expanding them (a "billion laughs" note) would
 * cost unbounded memory. The `yaml` Document keeps aliases as nodes, so this check expands nothing.
 */
function usesAliases(yaml: string): boolean {
  if (!yaml.includes('*')) {
    return false;
  }
  const { parseDocument, visit } = yamlLib();
  let found = false;
  visit(parseDocument(yaml), {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Turns operations into text edits of a note (text without BOM). Throws EditError — and changes
 * nothing — when the note has no readable frontmatter, a target is missing or not of the right kind,
 * or the result would read back as anything other than exactly the intended change.
 */
export function editFrontmatter(text: string, ops: readonly EditOp[]): TextEdit[] {
  const split = splitFrontmatter(text);
  if (split.kind === 'none') {
    throw new EditError('This note has no frontmatter to edit.', 'no-frontmatter');
  }
  if (split.kind === 'unclosed') {
    throw new EditError('The frontmatter of this note is never closed (no second "---" line): fix it first; nothing was changed.', 'unparseable');
  }
  const yaml = text.slice(split.yamlStart, split.yamlEnd);
  const before = readYaml(yaml);
  if (!before.ok) {
    throw new EditError(`The frontmatter is not valid YAML (line ${before.error.line + 2}: ${before.error.message}): fix it first; nothing was changed.`, 'unparseable');
  }
  if (usesAliases(yaml)) {
    throw new EditError('The frontmatter uses YAML aliases (*name): an edit there could also change every place that shares the anchored value. Nothing was changed; make this edit by hand, or write the shared values out in full.', 'unsafe');
  }
  const eol = detectEol(text);
  let edited = yaml;
  const expected = structuredClone(before.value ?? {});
  for (const op of ops) {
    edited = applyOp(edited, op, eol);
    const target = getIn(expected, op.path) as Record<string, unknown>;
    if (op.op === 'set') {
      target[op.key] = plainValue(op.value);
    } else {
      const list = target[op.key];
      if (Array.isArray(list)) {
        list.push(plainValue(op.item));
      } else {
        target[op.key] = [plainValue(op.item)];
      }
    }
  }
  const after = readYaml(edited);
  if (!after.ok || !deepEqual(after.value, expected) || yamlLib().parseDocument(edited).errors.length > 0) {
    throw new EditError('This edit could not be made without touching other parts of the note (an unusual YAML layout). Nothing was changed; please make it by hand.', 'unsafe');
  }
  return diffToEdit(text, text.slice(0, split.yamlStart) + edited + text.slice(split.yamlEnd));
}
