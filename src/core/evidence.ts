/**
 * The promotion-evidence document: for a date range, per focus area, what success means and how it is
 * measured, the commitments followed through (with dates and learnings), learnings marked as evidence,
 * and praise and suggestions received; then which values the work served. Deterministic: the same
 * journal and range always give the same text.
 */
import { effectiveValues, type Commitment, type JournalSnapshot } from './journal';

export interface EvidenceOptions {
  from?: string;
  to?: string;
}

/** Escapes text from notes for markdown: no HTML, no links or emphasis that the note did not mean. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1');
}

function inRange(date: string | undefined, o: EvidenceOptions): boolean {
  if (!date) {
    return false;
  }
  return (!o.from || date >= o.from) && (!o.to || date <= o.to);
}

function completedOn(c: Commitment): string {
  return c.closed ?? c.made;
}

export function renderEvidence(snap: JournalSnapshot, o: EvidenceOptions): string {
  const range = o.from || o.to ? `${o.from ?? 'the start'} to ${o.to ?? 'today'}` : 'all sessions';
  const out: string[] = ['# Promotion evidence', ''];
  if (snap.bigPicture?.goal) {
    out.push(`**Goal:** ${escapeMarkdown(snap.bigPicture.goal)}`, '');
  }
  out.push(`Period: ${range}.`, '');
  const completed = snap.commitments.filter((c) => (c.status === 'done' || c.status === 'partly') && inRange(completedOn(c), o));
  const learnings = snap.learnings.filter((l) => l.evidence && inRange(l.date, o));
  const feedback = snap.feedback.filter((f) => (f.kind === 'praise' || f.kind === 'suggestion') && inRange(f.date, o));
  const groups = [...snap.focusAreas.map((f) => ({ id: f.id as string | undefined, title: f.title, success: f.success, measure: f.measure })), { id: undefined, title: 'Beyond the focus areas', success: undefined, measure: undefined }];
  for (const g of groups) {
    const cs = completed.filter((c) => (g.id ? c.focus === g.id : !c.focus || !snap.focusById.has(c.focus)));
    const ls = learnings.filter((l) => (g.id ? l.focus === g.id : !l.focus || !snap.focusById.has(l.focus)));
    const fs = feedback.filter((f) => (g.id ? f.focus === g.id : !f.focus || !snap.focusById.has(f.focus)));
    if (!g.id && cs.length + ls.length + fs.length === 0) {
      continue;
    }
    out.push(`## ${escapeMarkdown(g.title)}`, '');
    if (g.success) {
      out.push(`- **What success looks like:** ${escapeMarkdown(g.success)}`);
    }
    if (g.measure) {
      out.push(`- **How it is measured:** ${escapeMarkdown(g.measure)}`);
    }
    if (g.success || g.measure) {
      out.push('');
    }
    out.push('### Commitments followed through', '');
    if (cs.length === 0) {
      out.push('- None in this period.');
    }
    for (const c of cs) {
      out.push(`- ${completedOn(c)} — ${escapeMarkdown(c.text)}${c.status === 'partly' ? ' (partly)' : ''} (made ${c.made})`);
      const lessons = [...c.checkins.flatMap((k) => k.learnings), ...c.learnings];
      for (const l of lessons) {
        out.push(`  - Learned: ${escapeMarkdown(l.text)}`);
      }
    }
    out.push('');
    if (ls.length) {
      out.push('### Learnings', '');
      for (const l of ls) {
        out.push(`- ${l.date} — ${escapeMarkdown(l.text)}`);
      }
      out.push('');
    }
    if (fs.length) {
      out.push('### Feedback received', '');
      for (const f of fs) {
        out.push(`- ${f.date} — ${f.kind === 'praise' ? 'Praise' : 'Suggestion'}${f.from ? ` from ${f.from}` : ''}: ${escapeMarkdown(f.text)}`);
      }
      out.push('');
    }
  }
  out.push('## Values served', '');
  for (const v of snap.values) {
    const n = completed.filter((c) => effectiveValues(c, snap).includes(v.id)).length;
    out.push(`- ${escapeMarkdown(v.name)}: ${n} commitment${n === 1 ? '' : 's'} followed through`);
  }
  if (snap.values.length === 0) {
    out.push('- No values written yet.');
  }
  return out.join('\n') + '\n';
}
