/**
 * Finds the YAML frontmatter of a note: an opening `---` on the first line and a closing `---` (or
 * `...`) on a later line. Only offsets are computed here; nothing is parsed.
 */

export type FrontmatterSplit =
  | { kind: 'none' }
  | { kind: 'unclosed' }
  | {
      kind: 'ok';
      /** Offset of the first character of the YAML text (the line after the opening `---`). */
      yamlStart: number;
      /** Offset where the closing line starts; the YAML text ends just before it (with its line break). */
      yamlEnd: number;
      /** 0-based line of the closing `---`. */
      closingLine: number;
      /** Offset of the first character of the body (after the closing line and its line break). */
      bodyStart: number;
    };

function isFenceLine(text: string, start: number, end: number, allowDots: boolean): boolean {
  // `end` is the offset of the line break (or the end of text); trailing spaces, tabs and a \r are allowed.
  const head = text.substr(start, 3);
  if (head !== '---' && !(allowDots && head === '...')) {
    return false;
  }
  for (let i = start + 3; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) {
      return false;
    }
  }
  return true;
}

/** Splits a note (text without BOM) into frontmatter and body. */
export function splitFrontmatter(text: string): FrontmatterSplit {
  if (!text.startsWith('---')) {
    return { kind: 'none' };
  }
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0) {
    return isFenceLine(text, 0, text.length, false) ? { kind: 'unclosed' } : { kind: 'none' };
  }
  if (!isFenceLine(text, 0, firstBreak, false)) {
    return { kind: 'none' };
  }
  const yamlStart = firstBreak + 1;
  let lineStart = yamlStart;
  let line = 1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    const last = lineEnd < 0;
    if (last) {
      lineEnd = text.length;
    }
    if (isFenceLine(text, lineStart, lineEnd, true)) {
      return { kind: 'ok', yamlStart, yamlEnd: lineStart, closingLine: line, bodyStart: last ? text.length : lineEnd + 1 };
    }
    if (last) {
      break;
    }
    lineStart = lineEnd + 1;
    line++;
  }
  return { kind: 'unclosed' };
}
