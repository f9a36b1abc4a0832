import * as vscode from 'vscode';
import { isolateBidi } from '../platform/plainText';
import { escapeMarkdown } from '../core';

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
