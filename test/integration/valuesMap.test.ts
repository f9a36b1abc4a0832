// Coaching: Open Values Map inside a real VS Code: the panel opens, shows the journal's map (the same the
// core computes from the files), opens a node's note at its line, redraws when a note is added, exports
// new files without overwriting, and closes cleanly.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { buildValuesMap, JournalIndex, loadJournal, mapOptionsFor } from '../../src/core';
import { NodeJournalStore } from '../../src/cli/nodeStore';
import type { ValuesMapPanel } from '../../src/webview/valuesMapPanel';

const EXTENSION_ID = 'coaching-journal.coaching-journal';
const COMMAND = 'coaching.openValuesMap';

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function journalUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, 'coaching', ...parts);
}

function mapTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('coaching.valuesMap'));
}

describe('Values map panel', () => {
  let panel: ValuesMapPanel;
  const created: vscode.Uri[] = [];

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  after(async () => {
    for (const uri of created) {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is contributed as "Coaching: Open Values Map" and registered', async () => {
    const contributed = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string; title: string; category: string }[];
    const entry = contributed.find((c) => c.command === COMMAND);
    assert.deepStrictEqual(entry && { title: entry.title, category: entry.category }, { title: 'Open Values Map', category: 'Coaching' });
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND));
  });

  it('opens one panel and shows the map the core computes from the journal files', async () => {
    panel = (await vscode.commands.executeCommand(COMMAND)) as ValuesMapPanel;
    assert.ok(panel, 'the command returns the panel');
    const render = await until('the first render (after the webview said ready)', () => panel.currentRender);
    assert.strictEqual(mapTabs().length, 1);

    const index = new JournalIndex();
    await loadJournal(new NodeJournalStore(journalUri().fsPath), index);
    const expected = buildValuesMap(index.snapshot(), mapOptionsFor(render.filters, render.today));
    assert.deepStrictEqual(render.map.nodes.map((n) => n.key).sort(), expected.nodes.map((n) => n.key).sort());
    assert.deepStrictEqual(render.map.gaps, expected.gaps);
    assert.strictEqual(render.layout.nodes.length, render.map.nodes.length);
    assert.ok(render.summary.length > 0);

    // Running the command again reveals the same panel.
    const again = (await vscode.commands.executeCommand(COMMAND)) as ValuesMapPanel;
    assert.strictEqual(again, panel);
    assert.strictEqual(mapTabs().length, 1);
  });

  it('shows the journal\'s sessions, streak and follow-through in the legend, against the cadence', async () => {
    // The fixture: sessions on 2026-11-17 and 2026-11-24; one commitment not done, one open.
    const saved = process.env.COACHING_TODAY;
    try {
      process.env.COACHING_TODAY = '2026-11-24';
      await panel.render();
      const render = panel.currentRender!;
      assert.deepStrictEqual(render.stats, { sessions: 2, streak: 2, cadenceDays: 7, made: 2, followedThrough: 0, open: 1, carriedForward: 0, rate: '0%' });
      assert.deepStrictEqual(render.statsSummary, ['2 sessions', 'Streak: 2 sessions within 7 days of each other', 'Follow-through: 0% (0 of 1 closed done or partly; 1 open)']);
      assert.deepStrictEqual(render.summary, ['1 focus area has no open commitment']);
      // Three weeks on, with no new session, the streak is broken.
      process.env.COACHING_TODAY = '2026-12-15';
      await panel.render();
      assert.strictEqual(panel.currentRender!.stats?.streak, 0);
      assert.strictEqual(panel.currentRender!.statsSummary[1], 'Streak: 0 sessions within 7 days of each other');
    } finally {
      if (saved === undefined) {
        delete process.env.COACHING_TODAY;
      } else {
        process.env.COACHING_TODAY = saved;
      }
      await panel.render();
    }
  });

  it('opens the note of a commitment at its line', async () => {
    const render = panel.currentRender!;
    const node = render.map.nodes.find((n) => n.kind === 'commitment') ?? render.map.nodes.find((n) => n.file);
    assert.ok(node?.file, 'a node with a note');
    const editor = await panel.openNode(node.key);
    assert.ok(editor);
    assert.ok(editor.document.uri.path.endsWith(`/coaching/${node.file}`), editor.document.uri.path);
    assert.strictEqual(editor.selection.active.line, node.line ?? 0);
  });

  it('redraws when a note with a new commitment appears, and when it goes', async () => {
    const id = 'a-20991231-zz9q';
    const note = journalUri('sessions', '2099-12-31.md');
    created.push(note);
    const text = ['---', 'type: coaching-session', 'id: s-2099-12-31', 'date: "2099-12-31"', 'actions:', `  - id: ${id}`,
      '    text: "A commitment written while the map is open"', '    due: "2100-01-07"', '    status: open', '---', ''].join('\n');
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(text));
    const withIt = await until('a redraw with the new commitment', () => panel.currentRender?.map.nodes.some((n) => n.key === `action:${id}`) && panel.currentRender);
    // It serves no value: it is in the "linked to no value" lane and counted as a gap.
    assert.ok(withIt.map.gaps.unlinkedCommitments.includes(id));
    assert.ok(withIt.map.nodes.some((n) => n.kind === 'unlinked'));
    await vscode.workspace.fs.delete(note);
    await until('a redraw without it', () => !panel.currentRender?.map.nodes.some((n) => n.key === `action:${id}`));
  });

  it('exports Mermaid into a new markdown file of the journal, never overwriting', async () => {
    const first = await panel.exportMermaid();
    const second = await panel.exportMermaid();
    assert.ok(first && second);
    created.push(first, second);
    assert.notStrictEqual(first.toString(), second.toString());
    assert.match(first.path, /\/coaching\/values-map-\d{4}-\d{2}-\d{2}\.md$/);
    assert.match(second.path, /\/coaching\/values-map-\d{4}-\d{2}-\d{2}-2\.md$/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
    assert.match(text, /```mermaid\nflowchart LR\n/);
  });

  it('exports an SVG into a new file of the journal', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    const uri = await panel.exportSvg(svg);
    assert.ok(uri);
    created.push(uri);
    assert.match(uri.path, /\/coaching\/values-map-\d{4}-\d{2}-\d{2}\.svg$/);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), svg + '\n');
  });

  it('closes cleanly', async () => {
    panel.panel.dispose();
    await until('the panel tab to close', () => mapTabs().length === 0);
  });
});
