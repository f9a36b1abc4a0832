/**
 * Text primitives shared by every part of the core: decoding bytes (BOM, binary detection), line
 * endings, and offset <-> line/character conversion. Positions are 0-based, characters are UTF-16 code
 * units (the same as VS Code's `Position`).
 */

/** A file's bytes decoded for the journal model. `text` never contains the BOM. */
export interface DecodedText {
  text: string;
  /** The file started with a UTF-8 byte order mark; it must be written back. */
  bom: boolean;
  /** Set when the bytes are not a UTF-8 text file (NUL bytes or invalid UTF-8): never parsed or edited. */
  notText?: { reason: string; line: number };
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** Decodes a file's bytes. Never throws: a binary file comes back with `notText` set. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { text: '', bom: false, notText: { reason: 'contains a NUL byte: this looks like a binary file, not a markdown note', line: countNewlines(bytes, nul) } };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { text: '', bom: false, notText: { reason: 'is not valid UTF-8 text: save it as UTF-8', line: 0 } };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    return { text: text.slice(1), bom: true };
  }
  return { text, bom: false };
}

/** Encodes text for writing, restoring the BOM when the file had one. */
export function encodeText(text: string, bom: boolean): Uint8Array {
  return encoder.encode(bom ? '\ufeff' + text : text);
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 10) {
      n++;
    }
  }
  return n;
}

/** The line ending a new line in this text should use: the file's own (first one found), else LF. */
export function detectEol(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

/** A 0-based line / UTF-16 character position. */
export interface Position {
  line: number;
  character: number;
}

/** Maps offsets in a text to line/character positions and back. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo, character: clamped - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) {
      return this.text.length;
    }
    return Math.min(this.starts[Math.max(0, position.line)] + position.character, this.text.length);
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(0, line), this.starts.length - 1)];
  }
}

/** Counts line breaks before `offset` (the 0-based line of `offset`). Cheaper than a LineIndex for one lookup. */
export function lineOf(text: string, offset: number): number {
  let line = 0;
  let i = text.indexOf('\n');
  while (i >= 0 && i < offset) {
    line++;
    i = text.indexOf('\n', i + 1);
  }
  return line;
}
