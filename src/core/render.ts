/**
 * Writes new YAML text for the values the extension adds (commitments, learnings, statuses…), in the
 * style of SPEC §2: ids and enum words plain, free text and dates double-quoted, short id lists in flow
 * style `[a, b]`, records as block mappings. Only new text is produced here; existing text is never
 * re-serialised.
 */

/** A string to write plain when that is safe (ids, enum words), quoted otherwise. */
export class Word {
  constructor(readonly text: string) {}
}

export type YamlValue = string | number | boolean | null | Word | YamlValue[] | { [key: string]: YamlValue | undefined };

const RESERVED_PLAIN = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;
const NUMBER_LIKE = /^[-+]?(?:\.?\d|0x|0o|\.inf|\.nan)/i;

/** True when `s` reads back as the same string when written without quotes. */
export function isPlainSafe(s: string): boolean {
  return /^[\p{L}\p{N}_][\p{L}\p{N}_./-]*$/u.test(s) && !RESERVED_PLAIN.test(s) && !NUMBER_LIKE.test(s);
}

/**
 * A YAML double-quoted scalar. Escapes what YAML does not allow raw (control characters, C1 controls,
 * line and paragraph separators, BOM, lone surrogates) as well as `"` and `\`.
 */
export function quoteDouble(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"' || ch === '\\') {
      out += '\\' + ch;
    } else if (c === 10) {
      out += '\\n';
    } else if (c === 9) {
      out += '\\t';
    } else if (c === 13) {
      out += '\\r';
    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else {
        out += '\\u' + c.toString(16);
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\\u' + c.toString(16);
    } else {
      out += ch;
    }
  }
  return out + '"';
}

/** A YAML single-quoted scalar (only for keeping a value's existing style); falls back to double quotes. */
export function quoteSingle(s: string): string {
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/.test(s)) {
    return quoteDouble(s);
  }
  return "'" + s.replace(/'/g, "''") + "'";
}

/** A scalar as YAML text. */
export function scalar(v: string | number | boolean | null | Word): string {
  if (v instanceof Word) {
    return isPlainSafe(v.text) ? v.text : quoteDouble(v.text);
  }
  if (v === null) {
    return 'null';
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    return String(v);
  }
  return quoteDouble(v);
}

function isRecord(v: YamlValue): v is { [key: string]: YamlValue | undefined } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Word);
}

function isScalar(v: YamlValue): v is string | number | boolean | null | Word {
  return !Array.isArray(v) && !isRecord(v);
}

/** A value in flow style (one line). */
export function renderFlow(v: YamlValue): string {
  if (Array.isArray(v)) {
    return '[' + v.map(renderFlow).join(', ') + ']';
  }
  if (isRecord(v)) {
    const parts = Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${k}: ${renderFlow(x as YamlValue)}`);
    return parts.length ? '{ ' + parts.join(', ') + ' }' : '{}';
  }
  return scalar(v);
}

/**
 * A record as block-mapping lines. The first line carries no indentation (the caller puts it after
 * "- " or on its own line); the following lines are indented by `indent` spaces.
 */
export function renderRecordLines(rec: { [key: string]: YamlValue | undefined }, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(rec)) {
    if (value === undefined) {
      continue;
    }
    const prefix = lines.length === 0 ? '' : pad;
    lines.push(...renderEntry(key, value, indent).map((l, i) => (i === 0 ? prefix + l : l)));
  }
  return lines;
}

/** `key: value` lines; the first line without indentation, the rest indented for nesting under `indent`. */
export function renderEntry(key: string, value: YamlValue, indent: number): string[] {
  if (isScalar(value) || (Array.isArray(value) && value.every((x) => isScalar(x)))) {
    return [`${key}: ${renderFlow(value)}`];
  }
  if (Array.isArray(value)) {
    return [`${key}:`, ...renderBlockSeqLines(value, indent + 2)];
  }
  const inner = renderRecordLines(value, indent + 2);
  return [`${key}:`, ' '.repeat(indent + 2) + inner[0], ...inner.slice(1)];
}

/** The lines of a block sequence whose dashes stand at column `indent`. */
export function renderBlockSeqLines(items: YamlValue[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const item of items) {
    if (isRecord(item)) {
      const inner = renderRecordLines(item, indent + 2);
      lines.push(pad + '- ' + inner[0], ...inner.slice(1));
    } else {
      lines.push(pad + '- ' + renderFlow(item));
    }
  }
  return lines;
}
