/**
 * The fast read path: js-yaml (YAML 1.2 core schema, so unquoted dates stay strings) plus its node
 * listener, which gives every node's offsets. Together they yield the data and where each key and value
 * stands, in one pass, at about a tenth of the cost of a full `yaml` Document. Edits use `yaml`'s
 * Document (see yamlEdit.ts); a test checks that both read the same data.
 */
import type * as JsYaml from 'js-yaml';
import { jsYamlLib } from './yamlLibs';

/** A node of the YAML text with its offsets (relative to the YAML text) and its value. */
export interface YNode {
  start: number;
  end: number;
  value: unknown;
  children: YNode[];
  /** The pairs of a mapping node, once `pairsOf` has looked at it (null: they do not line up). */
  pairs?: Map<string, YPair> | null;
}

export interface YamlError {
  message: string;
  /** 0-based line and column in the YAML text. */
  line: number;
  column: number;
}

export type YamlReadResult = { ok: true; value: unknown; root: YNode | undefined } | { ok: false; error: YamlError };

/**
 * Parses YAML text; never throws. Aliases are shared by reference (js-yaml does not copy them), so an
 * alias bomb costs no memory here; readers of the value must not walk it blindly.
 */
export function readYaml(src: string): YamlReadResult {
  const stack: YNode[] = [];
  let root: YNode | undefined;
  const { load, CORE_SCHEMA, YAMLException } = jsYamlLib();
  try {
    const value = load(src, {
      schema: CORE_SCHEMA,
      json: false,
      listener(event: 'open' | 'close', state: JsYaml.State) {
        if (event === 'open') {
          stack.push({ start: state.position, end: state.position, value: undefined, children: [], pairs: undefined });
          return;
        }
        let node = stack.pop()!;
        node.end = state.position;
        node.value = state.result;
        // js-yaml sometimes wraps a node in a second one with the same result: keep the inner one.
        if (node.children.length === 1 && node.children[0].value === node.value) {
          node = node.children[0];
        } else if (node.children.length > 0) {
          node.start = node.children[0].start;
        }
        const parent = stack[stack.length - 1];
        if (parent) {
          parent.children.push(node);
        } else {
          root = node;
        }
      },
    } as Parameters<typeof JsYaml.load>[1]);
    return { ok: true, value, root };
  } catch (e) {
    if (e instanceof YAMLException) {
      const mark = (e as JsYaml.YAMLException & { mark?: { line: number; column: number } }).mark;
      return { ok: false, error: { message: e.reason || e.message, line: mark?.line ?? 0, column: mark?.column ?? 0 } };
    }
    return { ok: false, error: { message: e instanceof Error ? e.message : String(e), line: 0, column: 0 } };
  }
}

/** A key/value pair of a mapping node, with the nodes of both when their positions are known. */
export interface YPair {
  key?: YNode;
  value?: YNode;
}

/**
 * The pairs of a mapping node by key. Returns undefined when the node's children do not line up with
 * its value (rare styles such as `{a, b: 1}` or `? a`): callers then fall back to the mapping's start.
 */
export function pairsOf(node: YNode | undefined): Map<string, YPair> | undefined {
  if (!node || typeof node.value !== 'object' || node.value === null || Array.isArray(node.value)) {
    return undefined;
  }
  if (node.pairs !== undefined) {
    return node.pairs ?? undefined;
  }
  const obj = node.value as Record<string, unknown>;
  const pairs = new Map<string, YPair>();
  let ok = node.children.length % 2 === 0;
  for (let i = 0; ok && i < node.children.length; i += 2) {
    const k = node.children[i];
    const v = node.children[i + 1];
    const key = String(k.value);
    if (!Object.prototype.hasOwnProperty.call(obj, key) || obj[key] !== v.value) {
      ok = false;
    } else {
      pairs.set(key, { key: k, value: v });
    }
  }
  node.pairs = ok ? pairs : null;
  return ok ? pairs : undefined;
}

/** The item nodes of a sequence node, or undefined when they do not line up with its value. */
export function itemsOf(node: YNode | undefined): YNode[] | undefined {
  if (!node || !Array.isArray(node.value)) {
    return undefined;
  }
  const arr = node.value as unknown[];
  if (node.children.length !== arr.length) {
    return undefined;
  }
  for (let i = 0; i < arr.length; i++) {
    if (node.children[i].value !== arr[i]) {
      return undefined;
    }
  }
  return node.children;
}
