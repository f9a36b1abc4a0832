// Nothing lost in the real extension host: notes changed, deleted or replaced by someone else while the
// extension reads or writes them, commands racing each other, and files that cannot be read. Runs
// against a copy of test/fixtures/commands/coaching and checks the files on disk byte-for-byte.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { NodeJournalStore } from '../../src/cli/nodeStore';
import { JournalIndex, loadJournal, recordOutcomeEdits, type JournalSnapshot, type Outcome } from '../../src/core';
import { RecordOutcomeCommand, type OutcomePrompts } from '../../src/commands/recordOutcome';
import { applyNoteEdits, ConcurrentChangeError } from '../../src/platform/conversions';
import type { Logger } from '../../src/platform/logger';
import { DEFAULT, ScriptedPrompter } from '../../src/platform/scriptedPrompter';
import {
  api, assertUnchangedExcept, diskText, edited, fixtureText, journalDir, runWithPrompter, TODAY, useFixtureJournalInSuite,
} from './journalFixture';

/** A note with two open commitments (LF), for commands that race on one file. */
const TWO_PATH = 'sessions/2026-11-03.md';
const TWO = [
  '---',
  'type: coaching-session',
  'id: s-2026-11-03',
  'date: "2026-11-03"',
  'actions:',
  '  - id: a-20261103-aa01',
  '    text: "Ask for feedback on the design review"',
  '    due: "2026-11-10"',
  '    status: open',
  '  - id: a-20261103-aa02',
  '    text: "Block two hours for deep work"',
  '    due: "2026-11-10"',
  '    status: open',
  '---',
  'Body.',
  '',
].join('\n');

function prompts(outcome: Outcome, learning: string, atLearning?: () => void): OutcomePrompts {
  return {
    outcome: async () => outcome,
    learning: async () => {
      atLearning?.();
      return learning;
    },
  };
}

/** A logger that keeps the warnings (what the person is told goes to the log too). */
function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: (m) => warnings.push(m), error: (m) => warnings.push(String(m)) };
}

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) {
        return value;
      }
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ref = (id: string) => ({ folder: vscode.workspace.workspaceFolders![0].uri.toString(), id });
const noteUri = (rel: string) => vscode.Uri.file(path.join(journalDir(), ...rel.split('/')));

/** What a journal says, as plain data: every note, commitment, session and problem. */
function digest(index: JournalIndex): string {
  const snap: JournalSnapshot = index.snapshot();
  return JSON.stringify({
    paths: index.paths().sort(),
    sessions: snap.sessions.map((s) => [s.id, s.date, s.loc.file]),
    commitments: snap.commitments.map((c) => [c.id, c.status, c.text, c.loc.file, c.due ?? '']),
    focusAreas: snap.focusAreas.map((f) => [f.id, f.title]),
    values: snap.values.map((v) => [v.id, v.name]),
    diagnostics: index.diagnostics().map((d) => [d.file, d.line, d.code, d.message]).sort(),
  });
}

/** A fresh read of the journal folder by the core, as the CLI reads it. */
async function freshDigest(): Promise<string> {
  const index = new JournalIndex();
  await loadJournal(new NodeJournalStore(journalDir()), index);
  return digest(index);
}

describe('Hostile host: concurrency and faults (files checked byte-for-byte)', function () {
  this.timeout(300_000);

  useFixtureJournalInSuite();

  it('refuses to write a note that changed on disk between reading and writing, and keeps the other change', async () => {
    const rel = 'sessions/2026-11-10.md';
    const theirs = fixtureText(rel).replace('I keep postponing the proposal.', 'Written by another program meanwhile.');
    await assert.rejects(
      applyNoteEdits(noteUri(rel), (text) => {
        // Runs after the extension read the file and before it writes: someone else writes now.
        fs.writeFileSync(path.join(journalDir(), rel), theirs);
        return recordOutcomeEdits(text, 'a-20261110-k3v9', { outcome: 'done', on: TODAY });
      }),
      (e: unknown) => e instanceof ConcurrentChangeError && /^2026-11-10\.md was changed on disk while it was being edited .*nothing was written\. Run the command again/.test(e.message),
    );
    assert.strictEqual(diskText(rel), theirs, 'the other change is kept, byte for byte');
    assertUnchangedExcept(rel);
  });

  it('records both outcomes when two Record Outcome commands on one note run at the same time', async () => {
    fs.writeFileSync(path.join(journalDir(), TWO_PATH), TWO);
    const { journal } = await api();
    await journal.refreshNote(noteUri(TWO_PATH));
    const first = new RecordOutcomeCommand(journal, recordingLogger(), prompts('done', 'Asking early works')).execute(ref('a-20261103-aa01'));
    const second = new RecordOutcomeCommand(journal, recordingLogger(), prompts('not-done', '')).execute(ref('a-20261103-aa02'));
    assert.deepStrictEqual(await Promise.all([first, second]), [true, true]);
    assert.strictEqual(diskText(TWO_PATH), edited(TWO, [
      ['    status: open\n  - id: a-20261103-aa02', '    status: done\n    closed: "2026-11-24"\n    learnings:\n      - lens: doing\n        text: "Asking early works"\n  - id: a-20261103-aa02'],
      ['    status: open\n---', '    status: not-done\n    closed: "2026-11-24"\n---'],
    ]));
    assertUnchangedExcept();
  });

  it('Record Outcome on a note deleted while the questions were open: a clear message, and the note is not created again', async () => {
    const rel = 'sessions/2026-11-10.md';
    const log = recordingLogger();
    const { journal } = await api();
    const recorded = await new RecordOutcomeCommand(journal, log, prompts('done', 'Learned', () => fs.rmSync(path.join(journalDir(), rel)))).execute(ref('a-20261110-k3v9'));
    assert.strictEqual(recorded, false);
    assert.ok(!fs.existsSync(path.join(journalDir(), rel)), 'the deleted note stays deleted');
    assert.strictEqual(log.warnings.length, 1);
    assert.match(log.warnings[0], /2026-11-10\.md no longer exists \(deleted or renamed while the command ran\); nothing was written\.$/);
    assertUnchangedExcept(rel);
  });

  it('Start Session with a checked-in note deleted mid-flow: the session is written, the outcome is reported as not recorded, nothing is re-created', async () => {
    const rel = 'sessions/2026-11-10.md';
    const prompter = new ScriptedPrompter([
      'Done', '', '', // the check-in on a-20261110-k3v9 (sessions/2026-11-10.md): no learning
      () => fs.rmSync(path.join(journalDir(), rel)), // the note goes away while the next question is open
      'Skip for now',
      '', DEFAULT, // no goal, today's focus as proposed
      'Write down one thing I learned', 'No focus area', DEFAULT, '', DEFAULT, 'No, one is enough',
    ]);
    await runWithPrompter(prompter, 'coaching.startSession');
    assert.ok(!fs.existsSync(path.join(journalDir(), rel)), 'the deleted note stays deleted');
    const errors = prompter.messages.filter((m) => m.level === 'error').map((m) => m.text);
    assert.strictEqual(errors.length, 1, JSON.stringify(prompter.messages));
    assert.match(errors[0], /Not recorded: a-20261110-k3v9 in sessions\/2026-11-10\.md \(2026-11-10\.md no longer exists \(deleted or renamed while the command ran\); nothing was written\.\)/);
    assert.ok(fs.existsSync(path.join(journalDir(), 'sessions', '2026-11-24.md')), 'the new session note is written');
    assertUnchangedExcept(rel, 'sessions/2026-11-24.md');
  });

  it('keeps the index exact when 1,000 notes are replaced at once (a branch switch)', async () => {
    const { journal } = await api();
    const dir = path.join(journalDir(), 'sessions', 'bulk');
    fs.mkdirSync(dir, { recursive: true });
    const note = (i: number, status: string, text: string): string => [
      '---', 'type: coaching-session', `id: s-bulk-${i}`, `date: "2025-${String(i % 12 + 1).padStart(2, '0')}-${String(i % 28 + 1).padStart(2, '0')}"`, 'actions:',
      `  - id: a-20250101-${i.toString(36).padStart(4, '0')}`, `    text: "${text} ${i}"`, '    focus: execution', `    status: ${status}`, '---', '',
    ].join('\n');
    for (let i = 0; i < 1000; i++) {
      fs.writeFileSync(path.join(dir, `n${i}.md`), note(i, 'open', 'Before the switch'));
    }
    await waitFor('the first 1,000 notes', async () => digest(journal.journals[0].index) === (await freshDigest()), 60_000);
    // The switch: every note rewritten, one in ten deleted, 100 new ones, all without waiting.
    for (let i = 0; i < 1100; i++) {
      const file = path.join(dir, `n${i}.md`);
      if (i < 1000 && i % 10 === 0) {
        fs.rmSync(file);
      } else {
        fs.writeFileSync(file, note(i, i % 3 === 0 ? 'done' : 'open', 'After the switch'));
      }
    }
    const expected = await freshDigest();
    assert.strictEqual(JSON.parse(expected).paths.filter((p: string) => p.startsWith('sessions/bulk/')).length, 1000);
    await waitFor('the index to match a fresh read of the folder', () => digest(journal.journals[0].index) === expected, 60_000);
    await journal.flush();
    assert.strictEqual(digest(journal.journals[0].index), expected);
  });

  it('reads every other note when one file cannot be read (a folder named x.md, a pipe, a binary file, a broken link)', async () => {
    const { journal, reloadJournalsForTests } = await api();
    const sessions = path.join(journalDir(), 'sessions');
    fs.mkdirSync(path.join(sessions, 'x.md'));
    fs.writeFileSync(path.join(sessions, 'x.md', 'inside.txt'), 'not a note');
    execFileSync('mkfifo', [path.join(sessions, 'pipe.md')]);
    fs.writeFileSync(path.join(sessions, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0x00]));
    fs.symlinkSync(path.join(sessions, 'missing-target.md'), path.join(sessions, 'broken-link.md'));
    try {
      await reloadJournalsForTests();
      assert.strictEqual(digest(journal.journals[0].index), await freshDigest());
      const index = journal.journals[0].index;
      assert.ok(index.get('sessions/2026-11-10.md')?.parseable && index.get('sessions/2026-11-17.md')?.parseable, 'the readable notes are read');
      assert.deepStrictEqual(index.diagnostics().filter((d) => d.file === 'sessions/binary.md').map((d) => d.code), ['not-text']);
      // The watcher path too: the files change again, and a new note written after them still arrives.
      fs.appendFileSync(path.join(sessions, 'binary.md'), Buffer.from([0x00]));
      fs.utimesSync(path.join(sessions, 'x.md'), new Date(), new Date());
      fs.writeFileSync(path.join(journalDir(), TWO_PATH), TWO);
      await waitFor('the note written after the unreadable ones', () => index.get(TWO_PATH)?.parseable);
      await journal.flush();
      assert.strictEqual(index.get('sessions/pipe.md'), undefined, 'a pipe is not a note');
      assert.strictEqual(index.get('sessions/x.md'), undefined, 'a folder is not a note');
      assert.strictEqual(digest(index), await freshDigest(), 'the watcher agrees with a fresh read');
    } finally {
      fs.rmSync(path.join(sessions, 'x.md'), { recursive: true, force: true });
      fs.rmSync(path.join(sessions, 'pipe.md'), { force: true });
      fs.rmSync(path.join(sessions, 'broken-link.md'), { force: true });
    }
  });
});
