// Editor help in journal notes inside a real VS Code extension host: completion of ids in frontmatter,
// hovers on ids (escaped, untrusted), and the quick fixes for a duplicate id, an unknown focus area and an
// unknown value — applied, and the files checked byte for byte. Runs against the fixture workspace's
// journal (values impact and craft; focus areas execution and strategic-work; commitments
// a-20261117-7q2m, not done, and a-20261124-p0zd, open) plus notes of its own, and restores it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CoachingExtensionApi } from '../../src/extension';
import { api as extensionApi, backUpWorkspaceJournal, closeEditors, journalDir, restoreWorkspaceJournal, TODAY, waitFor } from './journalFixture';

const NOTE_PATH = 'sessions/2026-11-20.md';
/** A session note (CRLF, comments) with a duplicate id, an unknown focus area and an unknown value. */
const NOTE = [
  '---',
  'type: coaching-session',
  'id: s-2026-11-20',
  'date: "2026-11-20"  # a Friday',
  'focus: [strategic-work]',
  'checkin:',
  '  - action: a-20261117-7q2m',
  'actions:',
  '  - id: \'a-20261124-p0zd\'   # copied by mistake',
  '    text: "Borrow the proposal template"',
  '    focus: deep-work',
  '    values: [impact, courage]',
  '    due: "2026-11-27"',
  '    status: open',
  'learnings:',
  '  - id: l-20261120-h0st',
  '    text: "Titles are text"',
  '    focus: hostile',
  '---',
  'Body stays.',
  '',
].join('\r\n');
const HOSTILE_TITLE = '<img src=x onerror=alert(1)> [x](command:workbench.action.quit)';
const HOSTILE = ['---', 'type: coaching-focus-area', 'id: hostile', `title: "${HOSTILE_TITLE}"`, 'values: [craft]', 'status: active', '---', ''].join('\n');

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/** The position just after the n-th occurrence (0-based) of `text` in the document. */
function endOf(doc: vscode.TextDocument, text: string, n = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = doc.getText().indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" is in the note`);
  }
  return doc.positionAt(at + text.length);
}

async function completions(doc: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, trigger);
  // Other providers (markdown words) may add items: keep those of the journal's fields.
  return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference || i.kind === vscode.CompletionItemKind.EnumMember);
}

async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.includes('**'));
}

/**
 * The quick fixes offered for the note's `code` problem. Waits first for the editor to hold NOTE and for the
 * problem to be the one NOTE has (its message names NOTE's commitment): the note was rewritten on disk
 * before the test, and the open editor and the Problems panel catch up with it a moment later.
 */
async function quickFixes(doc: vscode.TextDocument, code: string): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  await waitFor('the editor to hold the note written', () => doc.getText() === NOTE);
  const diagnostic = await waitFor(`a ${code} problem of the note written`, () =>
    vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === code && d.message.includes('a-20261124-p0zd')));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return { diagnostic, actions };
}

describe('Editor help in notes', function () {
  let api: CoachingExtensionApi;
  let noteUri: vscode.Uri;

  before(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    process.env.COACHING_TODAY = TODAY;
    backUpWorkspaceJournal();
    api = await extensionApi();
    noteUri = vscode.Uri.file(path.join(journalDir(), ...NOTE_PATH.split('/')));
  });

  beforeEach(async () => {
    await closeEditors();
    fs.writeFileSync(path.join(journalDir(), ...NOTE_PATH.split('/')), NOTE);
    fs.writeFileSync(path.join(journalDir(), 'focus-areas', 'hostile.md'), HOSTILE);
    fs.rmSync(path.join(journalDir(), 'focus-areas', 'deep-work.md'), { force: true });
    await api.reloadJournalsForTests();
  });

  after(async () => {
    await restoreWorkspaceJournal();
    delete process.env.COACHING_TODAY;
    await api.journal.reload();
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('completes focus-area ids in a flow list, with their titles, leaving out those already listed', async () => {
    const doc = await vscode.workspace.openTextDocument(noteUri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, endOf(doc, 'focus: [strategic-work'), ', ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const items = await completions(doc, endOf(doc, 'focus: [strategic-work, '), ' ');
    assert.deepStrictEqual(items.map((i) => [labelOf(i), i.detail]), [
      ['execution', 'Excellent execution in my area'],
      ['hostile', HOSTILE_TITLE],
    ]);
    const docs = items[0].documentation as vscode.MarkdownString;
    assert.match(docs.value, /^\*\*Focus area: Excellent execution in my area\*\*/);
    assert.notStrictEqual(docs.isTrusted, true);
    const hostileDocs = (items[1].documentation as vscode.MarkdownString).value;
    assert.ok(!hostileDocs.includes('<img') && !hostileDocs.includes('[x](command:'), hostileDocs);
  });

  it('completes commitment ids in a check-in, open ones first, and the chosen one replaces the id', async () => {
    const doc = await vscode.workspace.openTextDocument(noteUri);
    await vscode.window.showTextDocument(doc);
    const items = await completions(doc, endOf(doc, '  - action: '), ' ');
    assert.deepStrictEqual(items.map((i) => [labelOf(i), i.detail]), [
      // The id is given twice (a problem this note also has): the journal uses the one made first, this note's.
      ['a-20261124-p0zd', 'Borrow the proposal template (due in 3 days)'],
      ['a-20261117-7q2m', 'Draft a one-page proposal for the shared build cache (not-done)'],
    ]);
    const chosen = items[0];
    const range = chosen.range as vscode.Range;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, chosen.insertText as string);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(doc.getText(), NOTE.replace('  - action: a-20261117-7q2m', '  - action: a-20261124-p0zd'));
  });

  it('completes values from the live index: a value typed (unsaved) in the big picture is offered', async () => {
    const doc = await vscode.workspace.openTextDocument(noteUri);
    const position = endOf(doc, 'values: [impact, ');
    assert.deepStrictEqual((await completions(doc, position, ' ')).map(labelOf), ['craft']);
    const big = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(journalDir(), 'big-picture.md')));
    await vscode.window.showTextDocument(big);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(big.uri, endOf(big, '    name: Craft\n'), '  - id: courage\n    name: Courage\n    why: "Say the hard thing early"\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(big.isDirty);
    await waitFor('the unsaved value in the index', () => api.journal.journals[0].index.snapshot().valueById.has('courage'));
    const items = await completions(doc, position, ' ');
    assert.deepStrictEqual(items.map((i) => [labelOf(i), i.detail]), [['craft', 'Craft'], ['courage', 'Courage']]);
    assert.match((items[1].documentation as vscode.MarkdownString).value, /Why it matters: Say the hard thing early/);
  });

  it('shows what an id names on hover: a focus area, a commitment, an unknown id', async () => {
    const doc = await vscode.workspace.openTextDocument(noteUri);
    const [area] = await hoverText(doc, endOf(doc, 'focus: [strat'));
    assert.match(area.value, /^\*\*Focus area: Show strategic thinking\*\*/);
    assert.match(area.value, /Success looks like: My manager adopts a proposal of mine that reaches beyond my product/);
    assert.match(area.value, /Measured by: Proposals presented \/ adopted per quarter/);
    assert.match(area.value, /Status: active/);
    const [commitment] = await hoverText(doc, endOf(doc, 'action: a-2026'));
    assert.match(commitment.value, /^\*\*Draft a one-page proposal for the shared build cache\*\*/);
    assert.match(commitment.value, /Status: not-done/);
    assert.match(commitment.value, /Made in the session of: 2026-11-17/);
    const [unknown] = await hoverText(doc, endOf(doc, 'focus: deep'));
    assert.match(unknown.value, /No focus area has the id "deep-work" in this journal\./);
  });

  it('escapes a hostile title in the hover and never trusts it (no HTML, no command links)', async () => {
    const doc = await vscode.workspace.openTextDocument(noteUri);
    const [hover] = await hoverText(doc, endOf(doc, 'focus: host'));
    assert.notStrictEqual(hover.isTrusted, true);
    assert.notStrictEqual(hover.supportHtml, true);
    assert.ok(!hover.value.includes('<img'), hover.value);
    assert.ok(!hover.value.includes('[x](command:'), hover.value);
    assert.ok(hover.value.includes('&lt;img src=x onerror=alert(1)&gt; \\[x\\](command:workbench.action.quit)'), hover.value);
  });

  it('quick fix: gives a duplicate commitment a new id, changing only that id (quotes, comment, CRLF kept)', async () => {
    const doc = await vscode.workspace.openTextDocument(noteUri);
    await vscode.window.showTextDocument(doc);
    const { actions } = await quickFixes(doc, 'duplicate-id');
    const fix = actions.find((a) => a.title === 'Give this commitment a new id');
    assert.ok(fix?.edit, `a fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const newId = /  - id: '(a-20261124-[0-9a-z]{4})'/.exec(doc.getText())?.[1];
    assert.ok(newId && newId !== 'a-20261124-p0zd', doc.getText());
    const expected = NOTE.replace('\'a-20261124-p0zd\'   # copied', `'${newId}'   # copied`);
    assert.strictEqual(doc.getText(), expected);
    assert.ok(await doc.save());
    assert.strictEqual(fs.readFileSync(noteUri.fsPath, 'latin1'), expected);
    await waitFor('the duplicate problem gone', () => !vscode.languages.getDiagnostics(noteUri).some((d) => d.code === 'duplicate-id'));
    const index = api.journal.journals[0].index;
    assert.deepStrictEqual(index.paths().filter((p) => index.get(p)!.ids.some((d) => d.id === newId)), [NOTE_PATH], 'the new id is used nowhere else');
  });

  it('quick fix: creates the unknown focus area\'s note and opens it, never over an existing file', async () => {
    const doc = await vscode.workspace.openTextDocument(noteUri);
    await vscode.window.showTextDocument(doc);
    const { actions } = await quickFixes(doc, 'unknown-focus-area');
    const create = actions.find((a) => a.title === 'Create focus area \'deep-work\'');
    assert.ok(create?.command, `a fix among ${actions.map((a) => a.title).join(', ')}`);
    await vscode.commands.executeCommand(create.command.command, ...(create.command.arguments ?? []));
    const file = path.join(journalDir(), 'focus-areas', 'deep-work.md');
    const written = [
      '---', 'type: coaching-focus-area', 'id: deep-work', 'title: "Deep work"', 'status: active', '---', '',
      '# Deep work', '', 'What do the people one level up do here that I do not yet? What has my manager said about it?', '',
    ].join('\n');
    assert.strictEqual(fs.readFileSync(file, 'latin1'), written);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, file, 'the new note is open');
    await waitFor('the unknown focus area problem gone', () => !vscode.languages.getDiagnostics(noteUri).some((d) => d.code === 'unknown-focus-area'));
    assert.strictEqual(fs.readFileSync(noteUri.fsPath, 'latin1'), NOTE, 'the note itself is untouched');
    // Again, with the file there: refused, nothing overwritten.
    fs.writeFileSync(file, 'mine\n');
    assert.strictEqual(await api.editorHelp.createFocusArea(vscode.workspace.workspaceFolders![0].uri.toString(), 'deep-work'), undefined);
    assert.strictEqual(fs.readFileSync(file, 'latin1'), 'mine\n');
  });

  it('quick fix: follows the note when the Problems panel lags one batch behind it, and offers none for a problem that moved', async () => {
    const doc = await vscode.workspace.openTextDocument(noteUri);
    const { diagnostic } = await quickFixes(doc, 'unknown-focus-area');
    const context = (shown: vscode.Diagnostic): vscode.CodeActionContext => ({ diagnostics: [shown], only: vscode.CodeActionKind.QuickFix, triggerKind: vscode.CodeActionTriggerKind.Invoke });
    // What the panel showed before the commitment's id was changed: same problem, same place, older message.
    const stale = new vscode.Diagnostic(diagnostic.range, diagnostic.message.replace('a-20261124-p0zd', 'a-20261124-old1'), diagnostic.severity);
    stale.code = diagnostic.code;
    stale.source = diagnostic.source;
    const fixes = api.editorHelp.provideCodeActions(doc, diagnostic.range, context(stale));
    assert.deepStrictEqual(fixes.map((a) => [a.title, a.command?.arguments?.[1], a.diagnostics?.[0]]), [['Create focus area \'deep-work\'', 'deep-work', stale]]);
    // A problem shown one line off is not one the note has now: no fix rather than a wrong one.
    const moved = new vscode.Diagnostic(diagnostic.range.with(diagnostic.range.start.translate(1), diagnostic.range.end.translate(1)), diagnostic.message, diagnostic.severity);
    moved.code = diagnostic.code;
    moved.source = diagnostic.source;
    assert.deepStrictEqual(api.editorHelp.provideCodeActions(doc, moved.range, context(moved)), []);
    // Another extension's problem with the same code is not ours to fix.
    const foreign = new vscode.Diagnostic(diagnostic.range, diagnostic.message, diagnostic.severity);
    foreign.code = diagnostic.code;
    foreign.source = 'someone else';
    assert.deepStrictEqual(api.editorHelp.provideCodeActions(doc, foreign.range, context(foreign)), []);
  });

  it('quick fix: adds an unknown value to the big picture, changing nothing else', async () => {
    const bigFile = path.join(journalDir(), 'big-picture.md');
    const before = fs.readFileSync(bigFile, 'latin1');
    const doc = await vscode.workspace.openTextDocument(noteUri);
    const { actions } = await quickFixes(doc, 'unknown-value');
    const add = actions.find((a) => a.title === 'Add value \'courage\' to the big picture');
    assert.ok(add?.command, `a fix among ${actions.map((a) => a.title).join(', ')}`);
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    assert.strictEqual(fs.readFileSync(bigFile, 'latin1'), before.replace('    name: Craft\n', '    name: Craft\n  - id: courage\n    name: "Courage"\n'));
    await waitFor('the unknown value problem gone', () => !vscode.languages.getDiagnostics(noteUri).some((d) => d.code === 'unknown-value'));
  });
});
