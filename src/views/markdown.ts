import * as vscode from 'vscode';
import { isolateBidi } from '../platform/plainText';
import { escapeMarkdown, type IdDescription } from '../core';

/**
 * A hover for text that comes from notes: never trusted (no command links), no HTML. Note text goes in
 * through `note()`, which escapes it (`appendText` alone leaves `<` as is).
 */
export class NoteMarkdown {
  readonly md = new vscode.MarkdownString(undefined, false);

  constructor() {
    this.md.isTrusted = false;
    this.md.supportHtml = false;
  }

  /** Markdown written by the extension itself. */
  markdown(value: string): this {
    this.md.appendMarkdown(value);
    return this;
  }

  /** Text from a note, escaped (and bidi-isolated, so an RTL override cannot turn the rest around). */
  note(text: string): this {
    this.md.appendMarkdown(escapeMarkdown(isolateBidi(text)));
    return this;
  }
}

/** What an id names (a hover, a completion's documentation, a tooltip): the title in bold, then labelled lines. */
export function descriptionMarkdown(d: IdDescription): vscode.MarkdownString {
  const hover = new NoteMarkdown().markdown('**').note(d.title).markdown('**\n\n');
  for (const { label, value } of d.lines) {
    hover.markdown(`${label}: `).note(value).markdown('  \n');
  }
  return hover.md;
}
