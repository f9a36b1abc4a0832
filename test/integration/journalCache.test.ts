// The cache of parsed notes (extension storage) inside the real extension host: a restart takes
// unchanged notes from it, parses changed ones, ignores a corrupt cache, and never writes into the
// journal. Runs on the commands' fixture journal, restored afterwards.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, backUpWorkspaceJournal, journalDir, listFiles, restoreWorkspaceJournal, useFixtureJournal } from './journalFixture';

/** What the views and the Problems panel are built from, in a comparable form. */
async function journalState(): Promise<unknown> {
  const { journal } = await api();
  const j = journal.journalsWithNotes()[0];
  assert.ok(j, 'the workspace has a journal');
  const snap = j.index.snapshot();
  return {
    paths: j.index.paths(),
    commitments: snap.commitments.map((c) => [c.id, c.status, c.loc.file, c.loc.line, c.text, c.values, c.focus, c.due]),
    focus: snap.focusAreas.map((f) => [f.id, f.title, f.values]),
    values: snap.values.map((v) => [v.id, v.name]),
    diagnostics: j.index.diagnostics().map((d) => `${d.file}:${d.line}:${d.character} ${d.code} ${d.message}`),
  };
}

describe('Journal cache', () => {
  before(async () => {
    backUpWorkspaceJournal();
    await useFixtureJournal();
    // Files modified in the last seconds are never cached (their stamp could repeat): age them.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of listFiles(journalDir())) {
      fs.utimesSync(path.join(journalDir(), f), hourAgo, hourAgo);
    }
    await (await api()).journal.reload();
  });

  after(async () => {
    await restoreWorkspaceJournal();
  });

  it('lives in the extension storage, and a restart takes every unchanged note from it', async () => {
    const { journal, journalCache } = await api();
    assert.ok(journalCache, 'a workspace is open, so the extension has storage for a cache');
    const before = await journalState();
    const journalFiles = listFiles(journalDir());
    await journal.writeCache();
    const root = journal.journalsWithNotes()[0].store.root;
    const file = journalCache.fileFor(root);
    const stat = await vscode.workspace.fs.stat(file);
    assert.ok(stat.size > 0, 'the cache file was written');
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    assert.ok(!path.relative(folder, file.fsPath).match(/^[^.]/), `the cache is outside the workspace (${file.fsPath})`);
    assert.deepStrictEqual(listFiles(journalDir()), journalFiles, 'nothing was written into the journal');

    await journal.reload();
    const stats = journal.loadStats;
    assert.strictEqual(stats.notes, journalFiles.filter((f) => f.endsWith('.md')).length);
    assert.strictEqual(stats.restored, stats.notes, `every note came from the cache (${JSON.stringify(stats)})`);
    assert.strictEqual(stats.parsed, 0);
    assert.deepStrictEqual(await journalState(), before, 'the journal read from the cache is the journal read from the files');
  });

  it('parses again a note changed on disk while VS Code was not looking, and keeps the others', async () => {
    const { journal } = await api();
    await journal.writeCache();
    const session = 'sessions/2026-11-10.md';
    const file = path.join(journalDir(), session);
    const text = fs.readFileSync(file, 'utf8');
    // A different size and a later mtime, as a git checkout would leave it; written with the watcher
    // events dropped by reloading at once (a change made while the window was closed).
    const changed = text.replace('"Find a first strategic topic"', '"Changed while closed"');
    assert.notStrictEqual(changed, text);
    fs.writeFileSync(file, changed);
    const later = new Date(Date.now() - 60_000); // later than the cached stamp (an hour ago)
    fs.utimesSync(file, later, later);
    await journal.reload();
    const stats = journal.loadStats;
    assert.strictEqual(stats.parsed, 1, 'only the changed note was parsed');
    assert.strictEqual(stats.restored, stats.notes - 1);
    const j = journal.journalsWithNotes()[0];
    assert.deepStrictEqual(j.index.get(session)?.session?.goals, ['Changed while closed'], 'the index holds the new text, not the cached one');
  });

  it('ignores a corrupt or truncated cache and reads every note', async () => {
    const { journal, journalCache } = await api();
    await journal.writeCache();
    const before = await journalState();
    const file = journalCache!.fileFor(journal.journalsWithNotes()[0].store.root);
    const bytes = await vscode.workspace.fs.readFile(file);
    for (const broken of [bytes.slice(0, bytes.length >> 1), new TextEncoder().encode('not a cache at all')]) {
      await vscode.workspace.fs.writeFile(file, broken);
      await journal.reload();
      assert.strictEqual(journal.loadStats.restored, 0, 'nothing is taken from a broken cache');
      assert.strictEqual(journal.loadStats.parsed, journal.loadStats.notes);
      assert.deepStrictEqual(await journalState(), before);
    }
  });

  it('leaves out a note modified in the last seconds (its stamp could repeat), so it is parsed next time', async () => {
    const { journal } = await api();
    const rel = 'sessions/2026-11-10.md';
    fs.appendFileSync(path.join(journalDir(), rel), 'One more line.\n');
    await journal.refreshNote(vscode.Uri.file(path.join(journalDir(), rel)));
    await journal.writeCache();
    await journal.reload();
    assert.strictEqual(journal.loadStats.parsed, 1, 'the just-modified note was parsed, not trusted from the cache');
    const minuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(journalDir(), rel), minuteAgo, minuteAgo);
    await journal.reload();
  });

  it('is written again after a change, so the next start takes the new note from it', async () => {
    const { journal } = await api();
    await journal.writeCache();
    const rel = 'sessions/2026-10-01.md';
    fs.writeFileSync(path.join(journalDir(), rel), '---\ntype: coaching-session\nid: s-2026-10-01\ndate: "2026-10-01"\n---\nAdded.\n');
    const minuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(journalDir(), rel), minuteAgo, minuteAgo);
    await journal.refreshNote(vscode.Uri.file(path.join(journalDir(), rel)));
    await journal.writeCache();
    await journal.reload();
    assert.strictEqual(journal.loadStats.parsed, 0, 'the added note was cached after it was read');
    assert.ok(journal.journalsWithNotes()[0].index.get(rel)?.session, 'and it is in the index');
  });
});
