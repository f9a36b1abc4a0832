// The Coaching views, status bar, diagnostics and Record Outcome inside a real VS Code extension host,
// against the fixture workspace (test/fixtures/workspace: a journal in coaching/ with one open
// commitment, a-20261124-p0zd, due 2026-12-01). Tests add their own notes and remove them afterwards.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CoachingExtensionApi } from '../../src/extension';
import { commitmentTooltip, type CommitmentsNode } from '../../src/views/commitmentsTree';
import type { FocusAreasNode } from '../../src/views/focusAreasTree';
import { RecordOutcomeCommand, type OutcomePrompts } from '../../src/commands/recordOutcome';
import { LetGoCommand } from '../../src/commands/letGo';
import { nullLogger } from '../../src/platform/logger';
import type { Outcome } from '../../src/core';
import { waitFor } from './journalFixture';

const EXTENSION_ID = 'coaching-journal.coaching-journal';
const TODAY = '2026-11-24';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A session note with two open commitments, CRLF line endings and comments (kept byte-for-byte). */
const NOTE_PATH = 'sessions/2026-11-10.md';
const NOTE = [
  '---',
  'type: coaching-session',
  'id: s-2026-11-10',
  'date: "2026-11-10"  # a Tuesday',
  'actions:',
  '  - id: a-20261110-it01',
  '    text: "Share the migration risks with the team before Friday"',
  '    focus: execution',
  '    due: "2026-11-21"',
  '    status: open   # still open',
  '  - id: a-20261110-it02',
  '    text: "Read one staff-level design doc a week"',
  '    values: [craft]',
  '    due: "2026-11-28"',
  '    status: open',
  '---',
  'Body stays.',
  '',
].join('\r\n');

interface Row {
  depth: number;
  label: string;
  description: string | undefined;
  contextValue: string | undefined;
  icon: string | undefined;
  id: string | undefined;
}

async function rows<T>(provider: vscode.TreeDataProvider<T>, parent?: T, depth = 0): Promise<Row[]> {
  const out: Row[] = [];
  for (const node of (await provider.getChildren(parent)) ?? []) {
    const item = await provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    out.push({
      depth,
      label,
      description: typeof item.description === 'string' ? item.description : undefined,
      contextValue: item.contextValue,
      icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
      id: item.id,
    });
    if (item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded) {
      out.push(...(await rows(provider, node, depth + 1)));
    }
  }
  return out;
}

/** Puts a document back to `text` and saves it (a revert that needs no active editor or dialog). */
async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  // Saving can time out on a busy machine (onWillSave participants): try again rather than fail cleanup.
  await waitFor('the restored document to be saved', async () => {
    if (doc.isDirty) {
      await doc.save();
    }
    return !doc.isDirty;
  }, 30_000);
}

/** The tree as "label — description" lines, indented by depth. */
async function outline<T>(provider: vscode.TreeDataProvider<T>): Promise<string[]> {
  return (await rows(provider)).map((r) => `${'  '.repeat(r.depth)}${r.label}${r.description ? ` — ${r.description}` : ''}`);
}

function fakePrompts(outcome: Outcome | undefined, learning: string | undefined): OutcomePrompts & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    outcome: async () => outcome,
    learning: async (_text, _outcome, question) => {
      asked.push(question);
      return learning;
    },
  };
}

describe('Coaching views', function () {
  let api: CoachingExtensionApi;
  let journalRoot: vscode.Uri;
  let noteUri: vscode.Uri;

  const readNote = async (): Promise<string> => decoder.decode(await vscode.workspace.fs.readFile(noteUri));
  const commitmentRef = (id: string) => ({ folder: vscode.workspace.workspaceFolders![0].uri.toString(), id });

  before(async () => {
    // Browser VS Code saves dirty editors after a delay by default; these tests look at unsaved text.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    process.env.COACHING_TODAY = TODAY;
    const extension = vscode.extensions.getExtension<CoachingExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
    await api.journal.reload(); // read again with today fixed
    journalRoot = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'coaching');
    noteUri = vscode.Uri.joinPath(journalRoot, ...NOTE_PATH.split('/'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      await vscode.workspace.fs.delete(noteUri);
    } catch {
      // already gone
    }
    delete process.env.COACHING_TODAY;
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('shows the fixture journal: focus areas with success, follow-through, open count and gap', async () => {
    assert.strictEqual(api.journal.state, 'ready');
    const tree = await outline(api.focusAreasTree);
    assert.deepStrictEqual(tree, [
      'Excellent execution in my area — 0 open · 0/0 done · level 3 → 4',
      'Show strategic thinking — 1 open · 0/2 done · level 2 → 3',
    ]);
    const [, strategic] = (await api.focusAreasTree.getChildren()) as FocusAreasNode[];
    const details = await rows(api.focusAreasTree, strategic);
    assert.deepStrictEqual(details.map((r) => r.label), [
      'Success: My manager adopts a proposal of mine that reaches beyond my product',
      'Measure: Proposals presented / adopted per quarter',
      'Gap: level 2 → 3 · next level: Sets direction for a team-sized area',
      'Role models: Priya (Staff PM)',
      'Impact on people',
    ]);
  });

  it('lists the one open commitment of the fixture, and the status bar counts it', async () => {
    assert.deepStrictEqual(await outline(api.commitmentsTree), [
      'Show strategic thinking — 1 open',
      '  Ask Priya for two past proposals and note what makes them work — due in 7 days',
    ]);
    api.statusBar.update();
    assert.strictEqual(api.statusBar.item.text, '$(checklist) 1 open · 0 overdue');
    // The rhythm of the journal, as `coaching-journal stats` counts it.
    assert.match((api.statusBar.item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /\n2 sessions, a streak of 2, follow-through 0%\.\n/);
    assert.strictEqual(api.commitmentsTree.view.badge, undefined);
  });

  it('says "Session due" once the cadence has passed since the last session', () => {
    process.env.COACHING_TODAY = '2026-12-03';
    try {
      api.statusBar.update();
      assert.strictEqual(api.statusBar.item.text, '$(checklist) 1 open · 1 overdue · Session due');
    } finally {
      process.env.COACHING_TODAY = TODAY;
      api.statusBar.update();
    }
  });

  it('follows a new note on disk without a reload: grouped by focus area, overdue first with a warning', async () => {
    await vscode.workspace.fs.writeFile(noteUri, encoder.encode(NOTE));
    await waitFor('the new note in the index', () => api.journal.journals[0].index.get(NOTE_PATH));
    assert.deepStrictEqual(await outline(api.commitmentsTree), [
      'Excellent execution in my area — 1 open · 1 overdue',
      '  Share the migration risks with the team before Friday — 3 days overdue',
      'Show strategic thinking — 1 open',
      '  Ask Priya for two past proposals and note what makes them work — due in 7 days',
      'No focus area — 1 open',
      '  Read one staff-level design doc a week — due in 4 days',
    ]);
    const all = await rows(api.commitmentsTree);
    const overdue = all.find((r) => r.label.startsWith('Share the migration'))!;
    assert.strictEqual(overdue.contextValue, 'commitment.overdue');
    assert.strictEqual(overdue.icon, 'warning');
    const onTime = all.find((r) => r.label.startsWith('Read one'))!;
    assert.strictEqual(onTime.contextValue, 'commitment.open');
    assert.strictEqual(new Set(all.map((r) => r.id)).size, all.length, 'item ids are unique');
    assert.deepStrictEqual(api.commitmentsTree.view.badge, { value: 1, tooltip: '1 overdue commitment' });
  });

  it('escapes note text in the tooltip and never trusts it', async () => {
    const nodes = (await api.commitmentsTree.getChildren((await api.commitmentsTree.getChildren())[0])) as CommitmentsNode[];
    const item = api.commitmentsTree.getTreeItem(nodes[0]);
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    assert.notStrictEqual(item.tooltip.isTrusted, true);
    const shown = item.tooltip.value.replace(/&nbsp;/g, ' ');
    assert.match(shown, /^\*\*Share the migration risks with the team before Friday\*\*/);
    assert.match(shown, /Serves: Craft/);
    assert.match(shown, /Due: 2026-11-21 \(3 days overdue\)/);

    const node = nodes[0] as Extract<CommitmentsNode, { kind: 'commitment' }>;
    const hostile = { ...node.commitment, text: 'Click [here](command:workbench.action.quit) <img src=x onerror=alert(1)>' };
    const tooltip = commitmentTooltip(hostile, node.journal.index.snapshot(), TODAY);
    assert.notStrictEqual(tooltip.isTrusted, true);
    assert.ok(!tooltip.supportHtml);
    assert.ok(!tooltip.value.includes('[here](command:'), `link is escaped: ${tooltip.value}`);
    assert.ok(!tooltip.value.includes('<img'), `html is escaped: ${tooltip.value}`);
  });

  it('switches the grouping from the view title and remembers it', async () => {
    await vscode.commands.executeCommand('coaching.groupCommitmentsBy', 'due');
    assert.strictEqual(api.commitmentsTree.groupBy, 'due');
    assert.strictEqual(api.commitmentsTree.view.description, 'by due date');
    assert.deepStrictEqual((await outline(api.commitmentsTree)).filter((l) => !l.startsWith(' ')), [
      'Overdue — 1 open · 1 overdue',
      'Due in the next 7 days — 2 open',
    ]);
    await vscode.commands.executeCommand('coaching.groupCommitmentsBy', 'value');
    assert.deepStrictEqual((await outline(api.commitmentsTree)).filter((l) => !l.startsWith(' ')), [
      'Craft — 2 open · 1 overdue',
      'Impact on people — 1 open',
    ]);
    await vscode.commands.executeCommand('coaching.groupCommitmentsBy', 'focus');
    assert.strictEqual(api.commitmentsTree.groupBy, 'focus');
  });

  it('opens the note at the commitment\'s line', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('coaching.openCommitment', commitmentRef('a-20261110-it02'));
    assert.strictEqual(editor.document.uri.toString(), noteUri.toString());
    assert.strictEqual(editor.selection.active.line, 10);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('counts unsaved edits: the tree and the Problems panel follow typing', async () => {
    const doc = await vscode.workspace.openTextDocument(noteUri);
    const saved = doc.getText();
    await vscode.window.showTextDocument(doc);
    const line = doc.lineAt(7); // "    focus: execution"
    const edit = new vscode.WorkspaceEdit();
    edit.replace(noteUri, line.range, '    focus: nowhere');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.isDirty);
    const problems = await waitFor('a diagnostic for the unknown focus area', () => {
      const list = vscode.languages.getDiagnostics(noteUri).filter((d) => d.code === 'unknown-focus-area');
      return list.length > 0 && list;
    });
    assert.strictEqual(problems[0].range.start.line, 7);
    assert.strictEqual(problems[0].severity, vscode.DiagnosticSeverity.Error);
    assert.ok((await outline(api.commitmentsTree)).includes('nowhere — 1 open · 1 overdue'));
    assert.strictEqual(await readNote(), NOTE, 'nothing was saved');
    await restore(doc, saved);
    await waitFor('the reverted text', () => vscode.languages.getDiagnostics(noteUri).every((d) => d.code !== 'unknown-focus-area'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Record Outcome: Escape at the first question writes nothing', async () => {
    const before = await readNote();
    const run = vscode.commands.executeCommand<boolean>('coaching.recordOutcome', commitmentRef('a-20261110-it01'));
    await new Promise((r) => setTimeout(r, 700));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await run, false);
    assert.strictEqual(await readNote(), before);
  });

  it('Record Outcome: Escape at the learning question writes nothing', async () => {
    const before = await readNote();
    const prompts = fakePrompts('done', undefined);
    const recorded = await new RecordOutcomeCommand(api.journal, nullLogger, prompts).execute(commitmentRef('a-20261110-it01'));
    assert.strictEqual(recorded, false);
    assert.deepStrictEqual(prompts.asked, ['What did you learn from doing it?']);
    assert.strictEqual(await readNote(), before);
  });

  it('Record Outcome writes status, date and learning, and leaves every other byte (CRLF, comments) as it was', async () => {
    const prompts = fakePrompts('done', 'Sharing early made the risks smaller');
    assert.strictEqual(await new RecordOutcomeCommand(api.journal, nullLogger, prompts).execute(commitmentRef('a-20261110-it01')), true);
    assert.strictEqual(await readNote(), [
      '---',
      'type: coaching-session',
      'id: s-2026-11-10',
      'date: "2026-11-10"  # a Tuesday',
      'actions:',
      '  - id: a-20261110-it01',
      '    text: "Share the migration risks with the team before Friday"',
      '    focus: execution',
      '    due: "2026-11-21"',
      '    status: done   # still open',
      '    closed: "2026-11-24"',
      '    learnings:',
      '      - lens: doing',
      '        text: "Sharing early made the risks smaller"',
      '  - id: a-20261110-it02',
      '    text: "Read one staff-level design doc a week"',
      '    values: [craft]',
      '    due: "2026-11-28"',
      '    status: open',
      '---',
      'Body stays.',
      '',
    ].join('\r\n'));
    // The views are up to date when the command returns, without waiting for the file watcher.
    assert.ok(!(await outline(api.commitmentsTree)).some((l) => l.includes('Share the migration')));
    assert.strictEqual(api.commitmentsTree.view.badge, undefined);
  });

  it('Record Outcome on an open note with unsaved changes keeps them and does not save', async () => {
    const doc = await vscode.workspace.openTextDocument(noteUri);
    const saved = doc.getText();
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), 'Unsaved thought.\r\n'));
    assert.ok(doc.isDirty);
    const onDisk = await readNote();
    const prompts = fakePrompts('not-done', '');
    assert.strictEqual(await new RecordOutcomeCommand(api.journal, nullLogger, prompts).execute(commitmentRef('a-20261110-it02')), true);
    assert.deepStrictEqual(prompts.asked, ['What did you learn about yourself from not doing it?']);
    assert.ok(doc.isDirty, 'still unsaved');
    assert.match(doc.getText(), /    status: not-done\r\n    closed: "2026-11-24"\r\n---/);
    assert.match(doc.getText(), /Unsaved thought\.\r\n$/);
    assert.strictEqual(await readNote(), onDisk, 'the file on disk is untouched');
    await vscode.commands.executeCommand('undo');
    assert.doesNotMatch(doc.getText(), /not-done/, 'the edit is undoable');
    await restore(doc, saved);
    assert.strictEqual(await readNote(), onDisk);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Record Outcome through the real quick pick and input box: Done, learning skipped', async () => {
    const run = vscode.commands.executeCommand<boolean>('coaching.recordOutcome', commitmentRef('a-20261110-it02'));
    await new Promise((r) => setTimeout(r, 700));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // "Done", the first item
    await new Promise((r) => setTimeout(r, 700));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // empty learning: skipped
    assert.strictEqual(await run, true);
    const text = await readNote();
    assert.match(text, /    values: \[craft\]\r\n    due: "2026-11-28"\r\n    status: done\r\n    closed: "2026-11-24"\r\n---\r\nBody stays\.\r\n$/);
    await waitFor('no open commitment left in the note', async () => !(await outline(api.commitmentsTree)).some((l) => l.includes('Read one')));
  });

  it('Let Go asks what was learned from letting it go and writes let-go', async () => {
    const prompts = fakePrompts(undefined, 'It was never mine to do');
    assert.strictEqual(await new LetGoCommand(api.journal, nullLogger, prompts).execute(commitmentRef('a-20261110-it02')), true);
    assert.deepStrictEqual(prompts.asked, ['What did you learn about yourself from letting it go?']);
    const text = await readNote();
    assert.match(text, /    status: let-go\r\n    closed: "2026-11-24"\r\n    learnings:\r\n      - lens: not-doing\r\n        text: "It was never mine to do"\r\n---/);
  });

  it('treats a burst of file changes (a git checkout) as one batch', async () => {
    let fired = 0;
    const listener = api.journal.onDidChange(() => fired++);
    const uris = Array.from({ length: 40 }, (_, i) => vscode.Uri.joinPath(journalRoot, 'sessions', `2025-01-${String(i % 28 + 1).padStart(2, '0')}${i >= 28 ? '-2' : ''}.md`));
    try {
      await Promise.all(uris.map((uri, i) => vscode.workspace.fs.writeFile(uri, encoder.encode([
        '---', 'type: coaching-session', `id: s-burst-${i}`, `date: "2025-01-01"`, 'actions:',
        `  - id: a-20250101-b${String(i).padStart(3, '0')}`, '    text: "Burst"', '    focus: execution', '    status: open', '---', '',
      ].join('\n')))));
      await waitFor('all 40 notes', () => uris.every((u) => api.journal.locate(u) && api.journal.journals[0].index.get(api.journal.locate(u)!.path)));
      assert.ok(fired <= 4, `onDidChange fired ${fired} times for 40 files`);
      await Promise.all(uris.map((uri) => vscode.workspace.fs.delete(uri)));
      await waitFor('the notes to be gone', () => uris.every((u) => !api.journal.journals[0].index.get(api.journal.locate(u)!.path)));
    } finally {
      listener.dispose();
    }
  });

  it('shows two commitments given the same id by mistake, and records the outcome in the right note', async () => {
    const copyUri = vscode.Uri.joinPath(journalRoot, 'sessions', '2026-11-11.md');
    const copy = NOTE.replace(/s-2026-11-10/g, 's-2026-11-11').replace('2026-11-10', '2026-11-11');
    await vscode.workspace.fs.writeFile(noteUri, encoder.encode(NOTE));
    await vscode.workspace.fs.writeFile(copyUri, encoder.encode(copy));
    try {
      await waitFor('both notes', () => api.journal.journals[0].index.get('sessions/2026-11-11.md') && api.journal.journals[0].index.get(NOTE_PATH));
      await waitFor('the duplicate id reported', () => vscode.languages.getDiagnostics(copyUri).some((d) => d.code === 'duplicate-id'));
      const all = await rows(api.commitmentsTree);
      assert.strictEqual(all.filter((r) => r.label.startsWith('Share the migration')).length, 2);
      assert.strictEqual(new Set(all.map((r) => r.id)).size, all.length, 'item ids are unique');
      const prompts = fakePrompts('partly', '');
      const ref = { ...commitmentRef('a-20261110-it01'), file: 'sessions/2026-11-11.md' };
      assert.strictEqual(await new RecordOutcomeCommand(api.journal, nullLogger, prompts).execute(ref), true);
      assert.match(decoder.decode(await vscode.workspace.fs.readFile(copyUri)), /status: partly/);
      assert.strictEqual(await readNote(), NOTE, 'the other note is untouched');
    } finally {
      await vscode.workspace.fs.delete(copyUri).then(undefined, () => undefined);
    }
  });

  it('registers every command it contributes', async () => {
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((id) => !registered.has(id)), []);
  });

  it('reads another journal folder when coaching.folder changes, and finds a journal created later', async () => {
    const settings = vscode.workspace.getConfiguration('coaching', vscode.workspace.workspaceFolders![0]);
    const otherNote = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'journal-b', 'sessions', '2026-11-20.md');
    try {
      await settings.update('folder', 'journal-b', vscode.ConfigurationTarget.WorkspaceFolder);
      await waitFor('no journal in journal-b', () => api.journal.state === 'none');
      assert.deepStrictEqual(await api.commitmentsTree.getChildren(), []);
      api.statusBar.update();
      assert.strictEqual(api.commitmentsTree.view.badge, undefined);
      await vscode.workspace.fs.writeFile(otherNote, encoder.encode([
        '---', 'type: coaching-session', 'id: s-2026-11-20', 'date: "2026-11-20"', 'actions:',
        '  - id: a-20261120-jb01', '    text: "Write the first note in the new folder"', '    due: "2026-11-27"', '    status: open', '---', '',
      ].join('\n')));
      await waitFor('the journal in journal-b', () => api.journal.state === 'ready');
      assert.deepStrictEqual(await outline(api.commitmentsTree), [
        'No focus area — 1 open',
        '  Write the first note in the new folder — due in 3 days',
      ]);
      assert.strictEqual(api.statusBar.item.text, '$(checklist) 1 open · 0 overdue');
    } finally {
      await settings.update('folder', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(otherNote, '..', '..'), { recursive: true }).then(undefined, () => undefined);
    }
    await waitFor('the coaching journal again', () => api.journal.state === 'ready' && api.journal.journals[0].config.folder === 'coaching');
  });

  it('forgets a deleted note', async () => {
    await vscode.workspace.fs.delete(noteUri);
    await waitFor('the note to leave the index', () => !api.journal.journals[0].index.get(NOTE_PATH));
    assert.deepStrictEqual(await outline(api.commitmentsTree), [
      'Show strategic thinking — 1 open',
      '  Ask Priya for two past proposals and note what makes them work — due in 7 days',
    ]);
  });
});
