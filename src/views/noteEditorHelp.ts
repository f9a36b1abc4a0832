import * as vscode from 'vscode';
import {
  addValueEdits, completionCandidates, describeId, fieldAt, focusAreaNoteFor, idAt, isFileSafeId, nameFromId, newIdEdits,
  type Diagnostic,
} from '../core';
import { CommandId } from '../commands/commandIds';
import { applyNoteEdits, toVsCodeRange, toVsCodeTextEdits } from '../platform/conversions';
import { Disposable } from '../platform/disposable';
import type { FolderJournal, JournalService } from '../platform/journalService';
import type { Logger } from '../platform/logger';
import { FileExistsError, createNote, openNoteAt } from '../platform/noteFiles';
import { descriptionMarkdown } from './markdown';

const NOTES: vscode.DocumentSelector = [{ language: 'markdown' }];
/** `[` and `,` in flow lists, a space or `:` after a key, `-` in block lists. */
export const COMPLETION_TRIGGERS = ['[', ',', ' ', ':', '-'];

/**
 * Help while writing a journal note's frontmatter: completion of ids and words, a hover that says what
 * an id names, and quick fixes for duplicate and unknown ids. Only for notes inside a journal folder;
 * the logic is the core's (noteHelp.ts, idFixes.ts), which reads the document's current text, and the
 * journal's live index (unsaved edits of other notes included).
 */
export class NoteEditorHelp extends Disposable implements vscode.CompletionItemProvider, vscode.HoverProvider, vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly journals: JournalService, private readonly log: Logger) {
    super();
    this._register(vscode.languages.registerCompletionItemProvider(NOTES, this, ...COMPLETION_TRIGGERS));
    this._register(vscode.languages.registerHoverProvider(NOTES, this));
    this._register(vscode.languages.registerCodeActionsProvider(NOTES, this, { providedCodeActionKinds: NoteEditorHelp.providedCodeActionKinds }));
    this._register(vscode.commands.registerCommand(CommandId.CreateFocusAreaFor, (folder: string, id: string) => this.createFocusArea(folder, id)));
    this._register(vscode.commands.registerCommand(CommandId.AddValueFor, (folder: string, id: string) => this.addValue(folder, id)));
  }

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const found = this.journals.locate(doc.uri);
    const ctx = found && fieldAt(doc.getText(), doc.offsetAt(position), found.path);
    if (!found || !ctx) {
      return undefined;
    }
    const range = new vscode.Range(doc.positionAt(ctx.start), doc.positionAt(ctx.end));
    return completionCandidates(ctx, found.journal.index.snapshot(), this.journals.today()).map((c) => {
      const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, c.describes ? vscode.CompletionItemKind.Reference : vscode.CompletionItemKind.EnumMember);
      item.detail = c.detail;
      item.documentation = c.describes && descriptionMarkdown(c.describes);
      item.insertText = c.insertText;
      // Typing goes on after a trigger: the space typed after "key:" must not filter the ids out.
      item.filterText = c.insertText.startsWith(' ') ? ` ${c.label}` : c.label;
      item.sortText = c.sortText;
      item.range = range;
      return item;
    });
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.journals.locate(doc.uri);
    const id = found && idAt(doc.getText(), doc.offsetAt(position), found.path);
    if (!found || !id) {
      return undefined;
    }
    const description = describeId(found.journal.index.snapshot(), id.kind, id.id, this.journals.today());
    return new vscode.Hover(descriptionMarkdown(description), new vscode.Range(doc.positionAt(id.start), doc.positionAt(id.end)));
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const found = this.journals.locate(doc.uri);
    if (!found) {
      return [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const shown of context.diagnostics) {
      const problem = coreDiagnostic(found.journal, found.path, shown);
      if (!problem?.subject) {
        continue;
      }
      const action = this.fixFor(doc, found.journal, found.path, problem);
      if (action) {
        action.diagnostics = [shown];
        actions.push(action);
      }
    }
    return actions;
  }

  private fixFor(doc: vscode.TextDocument, journal: FolderJournal, path: string, problem: Diagnostic): vscode.CodeAction | undefined {
    const id = problem.subject!;
    switch (problem.code) {
      case 'duplicate-id': {
        let fix;
        try {
          fix = newIdEdits(doc.getText(), path, { line: problem.line, character: problem.character }, id, journal.index.usedIds(), this.journals.today());
        } catch (e) {
          // The note changed since the problem was found, or the id is written in a way the fix cannot edit.
          this.log.debug(`No new-id fix for ${id}: ${e instanceof Error ? e.message : String(e)}`);
          return undefined;
        }
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.set(doc.uri, toVsCodeTextEdits(doc, fix.edits));
        action.isPreferred = true;
        return action;
      }
      case 'unknown-focus-area': {
        if (!isFileSafeId(id)) {
          return undefined;
        }
        const action = new vscode.CodeAction(`Create focus area '${id}'`, vscode.CodeActionKind.QuickFix);
        action.command = { command: CommandId.CreateFocusAreaFor, title: action.title, arguments: [journal.key, id] };
        return action;
      }
      case 'unknown-value': {
        if (!journal.index.snapshot().bigPicture) {
          return undefined;
        }
        const action = new vscode.CodeAction(`Add value '${id}' to the big picture`, vscode.CodeActionKind.QuickFix);
        action.command = { command: CommandId.AddValueFor, title: action.title, arguments: [journal.key, id] };
        return action;
      }
      default:
        return undefined;
    }
  }

  /** Creates focus-areas/<id>.md (never over an existing file) and opens it. */
  async createFocusArea(folder: string, id: string): Promise<vscode.Uri | undefined> {
    const journal = this.journals.journalByKey(folder);
    if (!journal) {
      return undefined;
    }
    try {
      const note = focusAreaNoteFor(id);
      const uri = await createNote(journal, note.path, note.text);
      await this.journals.refreshNote(uri);
      await openNoteAt(uri, undefined, note.text);
      return uri;
    } catch (e) {
      const message = e instanceof FileExistsError
        ? `${e.message} Open it and check its \`id\` is "${id}".`
        : `Could not create the focus area "${id}": ${e instanceof Error ? e.message : String(e)}`;
      this.log.warn(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  }

  /** Adds the value to the big picture's `values`, named after its id (rename it there). */
  async addValue(folder: string, id: string): Promise<boolean> {
    const journal = this.journals.journalByKey(folder);
    const file = journal?.index.snapshot().bigPicture?.loc.file;
    if (!journal || !file) {
      return false;
    }
    const uri = journal.store.uri(file);
    try {
      await applyNoteEdits(uri, (text) => addValueEdits(text, { id, name: nameFromId(id) }));
      await this.journals.refreshNote(uri);
      return true;
    } catch (e) {
      const message = `Could not add the value "${id}" to ${file}: ${e instanceof Error ? e.message : String(e)}`;
      this.log.warn(message);
      void vscode.window.showErrorMessage(message);
      return false;
    }
  }
}

/**
 * The journal's own problem behind a diagnostic shown in the editor (it knows the id the problem is about).
 * Matched on code and range, not on the message: the Problems panel can lag the index by one batch (a file
 * reloaded from disk, a debounced edit), and its message may still name an id the note no longer has. The
 * fix then acts on what the note says now; a problem that moved or went away gets no fix.
 */
function coreDiagnostic(journal: FolderJournal, path: string, shown: vscode.Diagnostic): Diagnostic | undefined {
  if (shown.source !== 'Coaching Journal') {
    return undefined;
  }
  return journal.index.diagnosticsFor(path).find((d) => d.code === shown.code && toVsCodeRange(d).isEqual(shown.range));
}
