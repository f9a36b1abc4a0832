// The coaching loop's commands, run in the real extension host with scripted answers against a copy of
// test/fixtures/commands/coaching, checking the files on disk byte-for-byte.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { BACK, DEFAULT, ESCAPE, ScriptedPrompter, type ScriptedAnswer } from '../../src/platform/scriptedPrompter';
import {
  api, assertUnchangedExcept, diskText, edited, fixtureText, journalDir, listFiles, newIds, runWithPrompter, useFixtureJournal,
  useFixtureJournalInSuite, fixtureDir,
} from './journalFixture';

const VISION = 'In two years I lead a platform area known for making other teams faster.';
const GOAL = 'Promotion to Senior Engineer in the spring 2027 cycle';
const IMPACT = "- Impact on people: I want my work to make others' days better";

/** The built-in session body: vision and goal, the values of today's focus, and the free-writing part. */
function builtInBody(valueLines: string[], vision = VISION, goal = GOAL): string {
  return ['', `> **Vision:** ${vision}`, '>', `> **Goal:** ${goal}`, '', "**Values in today's focus**", '', ...valueLines, '', '## Notes', '', '', ''].join('\n');
}

/** Runs a command with scripted answers; checks every answer was used and nothing went wrong. */
async function run(command: string, answers: ScriptedAnswer[], options: { errors?: boolean; args?: unknown[] } = {}): Promise<ScriptedPrompter> {
  const prompter = new ScriptedPrompter(answers);
  await runWithPrompter(prompter, command, ...(options.args ?? []));
  if (!options.errors) {
    assert.deepStrictEqual(prompter.messages.filter((m) => m.level === 'error'), [], 'no error was shown');
  }
  assert.deepStrictEqual(prompter.remaining, [], 'every scripted answer was used');
  return prompter;
}

describe('Coaching commands (scripted answers, files checked byte-for-byte)', function () {
  this.timeout(180_000);

  useFixtureJournalInSuite();

  describe('Start Session', () => {
    it('checks in on each open commitment oldest first, writes the session note, records the outcomes and opens the note in the free-writing part', async () => {
      const prompter = await run('coaching.startSession', [
        'Not done', 'I stall when I have never seen a good example.',
        'Partly', BACK, 'Done', 'Pairing finds causes faster than reading logs.', '',
        'Decide how to show strategic thinking this quarter', '',
        DEFAULT,
        '', 'Ask Priya for two past proposals and note what makes them work',
        'Show strategic thinking', DEFAULT, 'I can list five traits of a strong proposal', DEFAULT, 'No, one is enough',
      ]);

      // The questions a person sees.
      assert.strictEqual(prompter.asked[0].title, 'Start Session (1/12)');
      assert.strictEqual(prompter.asked[0].text, 'How did it go? "Write a one-page proposal for the shared build cache" · 7 days overdue · check-in 1 of 2');
      assert.deepStrictEqual(prompter.asked[0].items, ['Done', 'Partly', 'Not done', 'Let go', 'Skip for now']);
      assert.match(prompter.asked[1].text, /^What did you learn about yourself from not doing it\?/);
      assert.strictEqual(prompter.asked[2].text, 'How did it go? "Pair with Sam on the flaky payment tests" · due today · check-in 2 of 2');
      assert.strictEqual(prompter.asked[4].text, prompter.asked[2].text, 'Back returns to the same step');
      assert.match(prompter.asked[4].title, /^Start Session \(3\//);
      assert.match(prompter.asked[5].text, /^What did you learn from doing it\?/);
      assert.match(prompter.asked[6].text, /^What did you learn from its outcome\?/);
      assert.deepStrictEqual(prompter.asked[9].picked, ['Excellent execution in payments', 'Show strategic thinking'], 'active focus areas pre-selected');
      assert.deepStrictEqual(prompter.asked[10].validation, ['Write one small, specific action you will take before the next session.']);
      assert.match(prompter.asked[10].text, /one small, specific action/);
      assert.deepStrictEqual(prompter.asked[12].picked, ['Impact on people'], 'values default from the focus area');
      assert.strictEqual(prompter.asked[14].value, '2026-12-01', 'due: today + coaching.sessionCadenceDays');
      for (const a of prompter.asked) {
        assert.doesNotMatch(`${a.title} ${a.text} ${(a.items ?? []).join(' ')}`, /\b(fail|failed|failure|should|excuse|lazy|blame)\b/i);
      }

      const note = diskText('sessions/2026-11-24.md');
      const [id] = newIds(note, 'a');
      assert.strictEqual(note, [
        '---',
        'type: coaching-session',
        'id: s-2026-11-24',
        'date: "2026-11-24"',
        'goals: ["Decide how to show strategic thinking this quarter"]',
        'focus: [execution, strategic-work]',
        'checkin:',
        '  - action: a-20261110-k3v9',
        '    outcome: not-done',
        '    learnings:',
        '      - lens: not-doing',
        '        text: "I stall when I have never seen a good example."',
        '  - action: a-20261117-7q2m',
        '    outcome: done',
        '    learnings:',
        '      - lens: doing',
        '        text: "Pairing finds causes faster than reading logs."',
        'actions:',
        `  - id: ${id}`,
        '    text: "Ask Priya for two past proposals and note what makes them work"',
        '    focus: strategic-work',
        '    values: [impact]',
        '    success: "I can list five traits of a strong proposal"',
        '    due: "2026-12-01"',
        '    status: open',
        '---',
      ].join('\n') + '\n' + builtInBody([IMPACT, '- Craft']));

      // The outcomes, on the actions themselves (CRLF and comments kept), with no learnings there.
      assert.strictEqual(diskText('sessions/2026-11-10.md'), edited(fixtureText('sessions/2026-11-10.md'), [
        ['    status: open   # still open\r\n', '    status: not-done   # still open\r\n    closed: "2026-11-24"\r\n'],
      ]));
      assert.strictEqual(diskText('sessions/2026-11-17.md'), edited(fixtureText('sessions/2026-11-17.md'), [
        ['    status: open\n', '    status: done\n    closed: "2026-11-24"\n'],
      ]));
      assertUnchangedExcept('sessions/2026-11-10.md', 'sessions/2026-11-17.md');

      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document.uri.fsPath.endsWith(path.join('sessions', '2026-11-24.md')), 'the new note is open');
      const notesLine = note.split('\n').indexOf('## Notes');
      assert.strictEqual(editor.selection.active.line, notesLine + 2, 'the cursor is in the free-writing part');
      assert.ok(prompter.messages.some((m) => /2 outcome\(s\) recorded, 1 new commitment/.test(m.text)));
    });

    it('writes nothing when the person presses Escape midway', async () => {
      await run('coaching.startSession', [
        'Done', 'Learned a lot', '', 'Let go', 'Priorities changed.',
        'A goal', '', DEFAULT, 'An action', 'No focus area', [], '', ESCAPE,
      ]);
      assert.deepStrictEqual(listFiles(journalDir()), listFiles(fixtureDir()));
      assertUnchangedExcept();
    });

    it('keeps the unsaved text of an open note and applies the outcome on top of it', async () => {
      // With auto save on, nothing stays unsaved for long: this is about a person who saves by hand.
      const files = vscode.workspace.getConfiguration('files');
      console.log(`      (files.autoSave was ${files.get('autoSave')})`);
      await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
      after(() => files.update('autoSave', undefined, vscode.ConfigurationTarget.Workspace));
      const uri = vscode.Uri.file(path.join(journalDir(), 'sessions', '2026-11-17.md'));
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), 'Unsaved thought.\n'));
      assert.ok(doc.isDirty);

      await run('coaching.startSession', [
        'Skip for now', 'Let go', 'Another team deleted the flaky tests.',
        '', DEFAULT,
        'Outline the build cache proposal', 'Show strategic thinking', DEFAULT, '', DEFAULT, 'No, one is enough',
      ]);

      assert.strictEqual(doc.getText(), edited(fixtureText('sessions/2026-11-17.md') + 'Unsaved thought.\n', [
        ['    status: open\n', '    status: let-go\n    closed: "2026-11-24"\n'],
      ]));
      assert.ok(doc.isDirty, 'still unsaved: the person decides when to save');
      assertUnchangedExcept(); // on disk, nothing was clobbered
      const note = diskText('sessions/2026-11-24.md');
      assert.match(note, /checkin:\n {2}- action: a-20261117-7q2m\n {4}outcome: let-go\n {4}learnings:\n {6}- lens: not-doing\n {8}text: "Another team deleted the flaky tests."\nactions:\n/);
      assert.doesNotMatch(note, /a-20261110-k3v9/, 'a skipped commitment stays out of the check-in');
    });

    it('says clearly what was and was not written when recording an outcome fails', async () => {
      // The note becomes unreadable after the journal was read: its outcome cannot be recorded.
      const broken = fixtureText('sessions/2026-11-10.md').replace('focus: [strategic-work]', 'focus: [strategic-work');
      fs.writeFileSync(path.join(journalDir(), 'sessions', '2026-11-10.md'), broken);
      const prompter = await run('coaching.startSession', [
        'Done', '', '', 'Done', '', '', '', DEFAULT,
        'Send the proposal outline to my manager', 'Show strategic thinking', DEFAULT, '', DEFAULT, 'No, one is enough',
      ], { errors: true });
      assert.strictEqual(diskText('sessions/2026-11-10.md'), broken, 'a note that cannot be parsed is never rewritten');
      assert.strictEqual(diskText('sessions/2026-11-17.md'), edited(fixtureText('sessions/2026-11-17.md'), [
        ['    status: open\n', '    status: done\n    closed: "2026-11-24"\n'],
      ]));
      assert.match(diskText('sessions/2026-11-24.md'), /checkin:\n {2}- action: a-20261110-k3v9\n {4}outcome: done\n {2}- action: a-20261117-7q2m\n {4}outcome: done\n/);
      const errors = prompter.messages.filter((m) => m.level === 'error').map((m) => m.text);
      assert.strictEqual(errors.length, 1);
      assert.match(errors[0], /^Start Session wrote coaching\/sessions\/2026-11-24\.md with your check-in and 1 new commitment\(s\), and recorded 1 of 2 outcomes\. Not recorded: a-20261110-k3v9 in sessions\/2026-11-10\.md \(.*not valid YAML.*\)/);
    });

    it('offers to set up a journal when there is none, then runs the session', async () => {
      await useFixtureJournal('none');
      await new Promise((resolve) => setTimeout(resolve, 1500)); // the watcher has seen the folder go
      await run('coaching.startSession', [
        'Set up the journal', 'Staff Engineer by 2028', '', 'Craft', 'I like things done well', '',
        '', 'Write down what Staff means here', 'No focus area', DEFAULT, '', DEFAULT, 'No, one is enough',
      ]);
      assert.strictEqual(diskText('big-picture.md'), [
        '---', 'type: coaching-big-picture', 'goal: "Staff Engineer by 2028"', 'values:', '  - id: craft', '    name: "Craft"',
        '    why: "I like things done well"', '---', '', '# The big picture', '', 'Why this matters to me, in my own words.', '',
      ].join('\n'));
      const note = diskText('sessions/2026-11-24.md');
      const [id] = newIds(note, 'a');
      assert.strictEqual(note, [
        '---', 'type: coaching-session', 'id: s-2026-11-24', 'date: "2026-11-24"', 'goals: []', 'focus: []', 'actions:',
        `  - id: ${id}`, '    text: "Write down what Staff means here"', '    values: []', '    due: "2026-12-01"', '    status: open', '---',
      ].join('\n') + '\n' + builtInBody(["- (no value linked to today's focus)"], '(no vision yet: run "Coaching: Set Up Big Picture")', 'Staff Engineer by 2028'));
    });
  });

  describe('New Session Note', () => {
    it('scaffolds today\'s note with the open commitments in the check-in, and never overwrites: a second one is -2', async () => {
      await run('coaching.newSessionNote', []);
      await run('coaching.newSessionNote', []);
      const expected = (id: string): string => [
        '---', 'type: coaching-session', `id: ${id}`, 'date: "2026-11-24"', 'goals: []', 'focus: [execution, strategic-work]', 'checkin:',
        '  - action: a-20261110-k3v9', '    outcome: null', '  - action: a-20261117-7q2m', '    outcome: null', '---',
      ].join('\n') + '\n' + builtInBody([IMPACT, '- Craft']);
      assert.strictEqual(diskText('sessions/2026-11-24.md'), expected('s-2026-11-24'));
      assert.strictEqual(diskText('sessions/2026-11-24-2.md'), expected('s-2026-11-24-2'));
      assertUnchangedExcept();
    });

    it('uses the person\'s template (coaching.sessionTemplate) for the body', async () => {
      const workspace = path.dirname(journalDir());
      fs.mkdirSync(path.join(workspace, 'templates'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'templates', 'coaching-session.md'), '# Session {{date}} ({{id}})\n\nGoal: {{goal}}\nFocus: {{focus}}\n{{values}}\n\n{{cursor}}\n');
      const config = vscode.workspace.getConfiguration('coaching');
      await config.update('sessionTemplate', 'templates/coaching-session.md', vscode.ConfigurationTarget.Workspace);
      try {
        await run('coaching.newSessionNote', []);
      } finally {
        await config.update('sessionTemplate', undefined, vscode.ConfigurationTarget.Workspace);
        fs.rmSync(path.join(workspace, 'templates'), { recursive: true, force: true });
      }
      const note = diskText('sessions/2026-11-24.md');
      assert.strictEqual(note.slice(note.indexOf('\n---\n') + 5), [
        '', '# Session 2026-11-24 (s-2026-11-24)', '', `Goal: ${GOAL}`, 'Focus: Excellent execution in payments, Show strategic thinking', IMPACT, '- Craft', '', '', '',
      ].join('\n'));
      assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, note.split('\n').length - 2);
    });
  });

  describe('Add Commitment, Add Learning, Log Feedback', () => {
    it('adds a commitment to the latest session note', async () => {
      const prompter = await run('coaching.addCommitment', [
        'Book a 1:1 with the staff engineer', DEFAULT, DEFAULT, '', '2026-12-05', 'Latest session, 2026-11-17',
      ]);
      assert.deepStrictEqual(prompter.asked[1].picked, ['Excellent execution in payments'], "the latest session's focus is pre-selected");
      assert.deepStrictEqual(prompter.asked[5].items, ['Latest session, 2026-11-17', 'A new session note for today']);
      const text = diskText('sessions/2026-11-17.md');
      const [id] = newIds(text, 'a');
      assert.strictEqual(text, edited(fixtureText('sessions/2026-11-17.md'), [
        ['    closed: "2026-11-20"\n', `    closed: "2026-11-20"\n  - id: ${id}\n    text: "Book a 1:1 with the staff engineer"\n    focus: execution\n    values: [craft]\n    due: "2026-12-05"\n    status: open\n`],
      ]));
      assertUnchangedExcept('sessions/2026-11-17.md');
    });

    it('adds a learning marked as evidence to a new session note for today', async () => {
      await run('coaching.addLearning', [
        'Pre-wiring the staff meeting avoided the usual pushback', 'Show strategic thinking', 'Yes, it is evidence', 'A new session note for today',
      ]);
      const note = diskText('sessions/2026-11-24.md');
      const [id] = newIds(note, 'l');
      assert.strictEqual(note, [
        '---', 'type: coaching-session', 'id: s-2026-11-24', 'date: "2026-11-24"', 'goals: []', 'focus: [strategic-work]', 'learnings:',
        `  - id: ${id}`, '    text: "Pre-wiring the staff meeting avoided the usual pushback"', '    focus: strategic-work', '    evidence: true', '---',
      ].join('\n') + '\n' + builtInBody([IMPACT]));
      assertUnchangedExcept();
    });

    it('logs a blind spot from the manager in the latest session note; Escape before the end writes nothing', async () => {
      await run('coaching.logFeedback', ['My manager', 'Blind spot', 'You go quiet', ESCAPE]);
      assertUnchangedExcept();
      await run('coaching.logFeedback', [
        'My manager', 'Blind spot', 'You go quiet in staff meetings when you disagree', 'Show strategic thinking', 'Latest session, 2026-11-17',
      ]);
      const text = diskText('sessions/2026-11-17.md');
      const [id] = newIds(text, 'fb');
      assert.strictEqual(text, edited(fixtureText('sessions/2026-11-17.md'), [
        ['    closed: "2026-11-20"\n', `    closed: "2026-11-20"\nfeedback:\n  - id: ${id}\n    from: manager\n    kind: blind-spot\n    focus: strategic-work\n    text: "You go quiet in staff meetings when you disagree"\n`],
      ]));
    });
  });

  describe('Carry Forward', () => {
    const ORIGINAL = 'a-20261117-7q2m';
    const ref = async (): Promise<unknown> => ({ folder: (await api()).journal.journalsWithNotes()[0].key, id: ORIGINAL, file: 'sessions/2026-11-17.md' });

    it('closes the commitment as partly with its learning, and makes a follow-up linked to it in a new note for today', async () => {
      const prompter = await run('coaching.carryForward', [
        'Partly', 'Two of the five tests were timing races', DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, 'A new session note for today',
      ], { args: [await ref()] });
      assert.deepStrictEqual(prompter.asked.map((a) => a.title), [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Carry Forward (${n}/8)`));
      assert.deepStrictEqual(prompter.asked[0].items, ['Not done', 'Partly']);
      assert.strictEqual(prompter.asked[1].text, 'What did you learn from the part you did, and from the part you did not? (optional: press Enter to skip)');
      assert.strictEqual(prompter.asked[2].value, 'Pair with Sam on the flaky payment tests', 'the text is pre-filled from the original');
      assert.deepStrictEqual(prompter.asked[3].picked, ['Excellent execution in payments'], 'same focus area');
      assert.strictEqual(prompter.asked[5].value, 'The flaky test list is empty', 'same success');
      assert.strictEqual(prompter.asked[6].value, '2026-12-01', 'due one cadence from today');
      assert.strictEqual(diskText('sessions/2026-11-17.md'), edited(fixtureText('sessions/2026-11-17.md'), [
        ['    due: "2026-11-24"\n    status: open\n', '    due: "2026-11-24"\n    status: partly\n    closed: "2026-11-24"\n    learnings:\n      - lens: doing\n        text: "Two of the five tests were timing races"\n'],
      ]));
      const note = diskText('sessions/2026-11-24.md');
      const [id] = newIds(note, 'a');
      assert.strictEqual(note, [
        '---', 'type: coaching-session', 'id: s-2026-11-24', 'date: "2026-11-24"', 'goals: []', 'focus: [execution]', 'actions:',
        `  - id: ${id}`, '    text: "Pair with Sam on the flaky payment tests"', '    focus: execution', '    values: [craft]',
        '    success: "The flaky test list is empty"', '    due: "2026-12-01"', '    status: open', `    carried_from: ${ORIGINAL}`, '---',
      ].join('\n') + '\n' + builtInBody(['- Craft']));
      assertUnchangedExcept('sessions/2026-11-17.md', 'sessions/2026-11-24.md');
    });

    it('writes nothing when the person presses Escape at the last step', async () => {
      await run('coaching.carryForward', ['Not done', '', 'Pair with Sam on the two remaining flaky tests', DEFAULT, DEFAULT, DEFAULT, DEFAULT, ESCAPE], { args: [await ref()] });
      assertUnchangedExcept();
    });
  });

  describe('Big picture, values and focus areas', () => {
    it('edits the vision of an existing big picture, changing only that line', async () => {
      const prompter = await run('coaching.setUpBigPicture', ['Edit the vision', 'In two years I lead the platform area that makes other teams faster.']);
      assert.strictEqual(prompter.asked[1].value, VISION, 'the current vision is pre-filled');
      assert.strictEqual(diskText('big-picture.md'), edited(fixtureText('big-picture.md'), [
        [`vision: "${VISION}"`, 'vision: "In two years I lead the platform area that makes other teams faster."'],
      ]));
      assertUnchangedExcept('big-picture.md');
    });

    it('adds a value with a slug id, refusing a name already taken', async () => {
      const prompter = await run('coaching.addValue', ['Craft', 'Freedom', 'Time to build things of my own']);
      assert.deepStrictEqual(prompter.asked[0].validation, ['"Craft" is already one of your values.']);
      assert.strictEqual(diskText('big-picture.md'), edited(fixtureText('big-picture.md'), [
        ['    name: Craft\n', '    name: Craft\n  - id: freedom\n    name: "Freedom"\n    why: "Time to build things of my own"\n'],
      ]));
    });

    it('creates a focus area file named after its title, with success, measure, gap and role models', async () => {
      await run('coaching.addFocusArea', [
        'Influence beyond my team', ['Impact on people'], 'Two teams adopt my proposal', 'Adoptions per quarter', '2', '3',
        'Shapes decisions across teams', 'Priya (Staff PM)', 'Alex (Staff Eng)', '',
      ]);
      assert.strictEqual(diskText('focus-areas/influence-beyond-my-team.md'), [
        '---', 'type: coaching-focus-area', 'id: influence-beyond-my-team', 'title: "Influence beyond my team"', 'values: [impact]', 'status: active',
        'success: "Two teams adopt my proposal"', 'measure: "Adoptions per quarter"', 'gap:', '  current: 2', '  target: 3',
        '  next_level: "Shapes decisions across teams"', 'role_models: ["Priya (Staff PM)", "Alex (Staff Eng)"]', '---', '',
        '# Influence beyond my team', '', 'What do the people one level up do here that I do not yet? What has my manager said about it?', '',
      ].join('\n'));
      assertUnchangedExcept();
    });

    it('never overwrites an existing focus area file: the id gets a suffix', async () => {
      fs.writeFileSync(path.join(journalDir(), 'focus-areas', 'influence.md'), 'not a note, but mine\n');
      await run('coaching.addFocusArea', ['Influence', [], '', '', '', '', '', '']);
      assert.strictEqual(diskText('focus-areas/influence.md'), 'not a note, but mine\n');
      assert.match(diskText('focus-areas/influence-2.md'), /^---\ntype: coaching-focus-area\nid: influence-2\ntitle: "Influence"\n/);
    });
  });
});
