// A `git checkout` of another branch, as the views see it: 500 session notes written at once through the
// file system, then all replaced by other versions while some are deleted and some deleted and created
// again, then all removed. After each step the Commitments and Focus Areas views, the badge, the status
// bar and the Problems must end up exactly as a fresh read of the same folder by the core says.
import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  JournalIndex, addDays, commitmentCounts, compactDate, computeStats, dueLabel, groupCommitments, isSessionDue, loadJournal,
  type JournalSnapshot,
} from '../../src/core';
import { NodeJournalStore } from '../../src/cli/nodeStore';
import type { CoachingExtensionApi } from '../../src/extension';
import { api as extensionApi, backUpWorkspaceJournal, journalDir, restoreWorkspaceJournal, TODAY } from './journalFixture';

const COUNT = 500;
type Branch = 'main' | 'other';

/** Session note i (one a day from 2025-01-01) as one branch has it: another text, due date, status, focus on the other. */
function sessionNote(i: number, branch: Branch): string {
  const date = addDays('2025-01-01', i);
  const other = branch === 'other';
  const focus = ['execution', 'strategic-work', 'mentoring'][(i + (other ? 1 : 0)) % 3]; // mentoring: no such focus area
  const id = (n: number): string => `a-${compactDate(addDays('2025-01-01', n))}-b${n.toString(36).padStart(3, '0')}`;
  const status = other ? (i % 7 === 0 ? 'not-done' : 'open') : (i % 5 === 0 ? 'done' : 'open');
  const lines = [
    '---', 'type: coaching-session', `id: s-${date}`, `date: "${date}"`, `focus: [${focus}]`,
  ];
  // Some sessions check in on the one before: that closes it (on this branch).
  if (i > 0 && i % 4 === (other ? 2 : 1)) {
    lines.push('checkin:', `  - action: ${id(i - 1)}`, '    outcome: partly');
  }
  lines.push(
    'actions:',
    `  - id: ${id(i)}`,
    `    text: "${other ? 'Other branch' : 'Main branch'}: commitment ${i}"`,
    `    focus: ${focus}`,
    ...(i % 2 === 0 ? ['    values: [impact]'] : []),
    `    due: "${addDays(date, (i * (other ? 17 : 13)) % 800)}"`,
    `    status: ${status}`,
    '---', '', `Session ${i} on ${branch}.`, '',
  );
  return lines.join('\n');
}

const fileOf = (i: number): string => path.join(journalDir(), 'sessions', `${addDays('2025-01-01', i)}.md`);

interface Observed {
  commitments: string[];
  focusAreas: string[];
  badge: number;
  statusBar: string;
  problems: string[];
}

async function labels<T>(provider: vscode.TreeDataProvider<T>, parent?: T, depth = 0): Promise<string[]> {
  const out: string[] = [];
  for (const node of (await provider.getChildren(parent)) ?? []) {
    const item = await provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    out.push(`${'  '.repeat(depth)}${label}${typeof item.description === 'string' && item.description ? ` — ${item.description}` : ''}`);
    if (item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded) {
      out.push(...(await labels(provider, node, depth + 1)));
    }
  }
  return out;
}

/** What the extension shows now. */
async function observed(api: CoachingExtensionApi): Promise<Observed> {
  const badge = api.commitmentsTree.view.badge;
  return {
    commitments: await labels(api.commitmentsTree),
    focusAreas: await labels(api.focusAreasTree),
    badge: badge?.value ?? 0,
    statusBar: api.statusBar.item.text,
    problems: api.journal.journals[0].index.diagnostics().map((d) => `${d.file}:${d.line}:${d.character} ${d.code} ${d.message}`),
  };
}

const STATUS_ORDER = ['active', 'paused', 'achieved', 'retired'];

/** What the views must show for a journal read afresh from disk by the core (no extension involved). */
async function expected(cadenceDays: number): Promise<Observed> {
  const index = new JournalIndex();
  await loadJournal(new NodeJournalStore(journalDir()), index);
  const snap: JournalSnapshot = index.snapshot();
  const commitments: string[] = [];
  for (const g of groupCommitments(snap, 'focus', TODAY)) {
    commitments.push(`${g.label} — ${g.commitments.length} open${g.overdue > 0 ? ` · ${g.overdue} overdue` : ''}`);
    for (const c of g.commitments) {
      commitments.push(`  ${c.text || c.id} — ${dueLabel(c, TODAY) ?? 'no due date'}`);
    }
  }
  const stats = computeStats(snap, TODAY, cadenceDays);
  const byArea = new Map(stats.byFocusArea.map((f) => [f.id, f]));
  const focusAreas = [...snap.focusById.values()]
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))
    .map((a) => {
      const f = byArea.get(a.id);
      const parts = [...(a.status !== 'active' ? [a.status] : []), `${f?.open ?? 0} open`, `${f?.done ?? 0}/${f?.made ?? 0} done`];
      if (a.gap?.current !== undefined || a.gap?.target !== undefined) {
        parts.push(`level ${a.gap.current ?? '?'} → ${a.gap.target ?? '?'}`);
      }
      return `${a.title || a.id} — ${parts.join(' · ')}`;
    });
  const counts = commitmentCounts(snap, TODAY);
  return {
    commitments,
    focusAreas,
    badge: counts.overdue,
    statusBar: `$(checklist) ${counts.open} open · ${counts.overdue} overdue${isSessionDue(snap, TODAY, cadenceDays) ? ' · Session due' : ''}`,
    problems: index.diagnostics().map((d) => `${d.file}:${d.line}:${d.character} ${d.code} ${d.message}`),
  };
}

/** Waits until the views show what a fresh read says (the watcher's events arrive over a while), then compares. */
async function assertViewsMatchDisk(api: CoachingExtensionApi, what: string): Promise<Observed> {
  const cadence = api.journal.journals[0].config.sessionCadenceDays;
  const deadline = Date.now() + 120_000;
  let want = await expected(cadence);
  let got = await observed(api);
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    want = await expected(cadence);
    got = await observed(api);
  }
  assert.deepStrictEqual(got, want, `${what}: the views agree with a fresh read of the journal`);
  return got;
}

describe('Views after a checkout that replaces 500 notes at once', function () {
  this.timeout(600_000);
  let api: CoachingExtensionApi;
  let before0: Observed;

  before(async () => {
    process.env.COACHING_TODAY = TODAY;
    backUpWorkspaceJournal();
    api = await extensionApi();
    await api.journal.reload();
    await vscode.commands.executeCommand('coaching.groupCommitmentsBy', 'focus');
    before0 = await assertViewsMatchDisk(api, 'at the start');
  });

  after(async () => {
    await Promise.all(Array.from({ length: COUNT }, (_, i) => fsp.rm(fileOf(i), { force: true })));
    await restoreWorkspaceJournal();
    delete process.env.COACHING_TODAY;
    await api.journal.reload();
  });

  it('follows 500 new notes written at once', async () => {
    await Promise.all(Array.from({ length: COUNT }, (_, i) => fsp.writeFile(fileOf(i), sessionNote(i, 'main'))));
    const shown = await assertViewsMatchDisk(api, 'after 500 new notes');
    assert.strictEqual(api.journal.journals[0].index.paths().filter((p) => p.startsWith('sessions/2025') || p.startsWith('sessions/2026-0')).length, COUNT);
    // The journal really changed: many open commitments, some overdue, and the unknown focus area reported.
    assert.ok(shown.badge > 10, `overdue: ${shown.badge}`);
    assert.ok(shown.commitments.some((l) => l.startsWith('mentoring — ')), 'commitments of the unknown focus area are grouped under its id');
    assert.ok(shown.problems.some((p) => p.includes('unknown-focus-area')));
  });

  it('follows a checkout of another branch: every note replaced, some deleted, some deleted and created again', async () => {
    const deleted = new Set(Array.from({ length: COUNT }, (_, i) => i).filter((i) => i % 10 === 3));
    const recreated = [...deleted].filter((i) => i % 20 === 3);
    await Promise.all(Array.from({ length: COUNT }, (_, i) => (deleted.has(i) ? fsp.rm(fileOf(i)) : fsp.writeFile(fileOf(i), sessionNote(i, 'other')))));
    await Promise.all(recreated.map((i) => fsp.writeFile(fileOf(i), sessionNote(i, 'other'))));
    const shown = await assertViewsMatchDisk(api, 'after the checkout');
    assert.ok(!shown.commitments.some((l) => l.includes('Main branch')), 'nothing of the old branch is left');
    assert.ok(shown.commitments.some((l) => l.includes('Other branch: commitment 23 ')), 'a note deleted and created again is there');
    assert.ok(!shown.commitments.some((l) => l.includes('Other branch: commitment 13 ')), 'a deleted note is gone');
  });

  it('is back to the journal it started from when the notes are removed', async () => {
    await Promise.all(Array.from({ length: COUNT }, (_, i) => fsp.rm(fileOf(i), { force: true })));
    const shown = await assertViewsMatchDisk(api, 'after removing the notes');
    assert.deepStrictEqual(shown, before0);
  });
});
