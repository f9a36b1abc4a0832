/**
 * Random session notes in many YAML styles, for the property tests: LF or CRLF, BOM, comments, blank
 * lines, flow and block lists and mappings, double/single-quoted and plain scalars, unicode text — and
 * some hostile shapes from issue #9 (`hostile`): an anchor with an alias, a tab that indents, a duplicate
 * key (edits must be refused), and tabs after colons (valid: edits must be exact).
 */
import fc from 'fast-check';
import { quoteDouble, quoteSingle, isPlainSafe } from '../../src/core';

export interface GenAction {
  id: string;
  text: string;
  status: string;
  due?: string;
  values: string[];
  flow: boolean;
  comment: boolean;
  blankBefore: boolean;
}

export interface GenNote {
  eol: '\n' | '\r\n';
  bom: boolean;
  style: 'double' | 'single' | 'plain';
  headerComment: boolean;
  actions: GenAction[];
  actionsStyle: 'block' | 'flow' | 'indented';
  learnings: 'absent' | 'empty-flow' | 'null' | 'block';
  learningTexts: string[];
  feedback: 'absent' | 'empty-flow' | 'null' | 'block';
  body: string;
  hostile: Hostile;
}

/** A hostile shape: `alias`, `tab-indent` and `duplicate-key` notes must be refused; `tab-separator` ones edited exactly. */
export type Hostile = 'none' | 'alias' | 'tab-indent' | 'duplicate-key' | 'tab-separator';

/** Whether edits of a note of this shape must be refused (EditError), and with which code. */
export function refusalOf(h: Hostile): 'unsafe' | 'unparseable' | undefined {
  return h === 'alias' ? 'unsafe' : h === 'tab-indent' || h === 'duplicate-key' ? 'unparseable' : undefined;
}

const textArb = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
  fc.constantFrom('Ask Priya', 'He said "no"', "it's fine", 'a: b # c', '- dash', '[x]', '{y}', 'שלום', '👋🏽 e\u0301', 'tab\there', 'line\nbreak', '---', '~', 'null', '123', 'yes'),
).filter((s) => s.trim() !== '' && !s.includes('\u0000'));

const dateArb = fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const idArb = fc.stringMatching(/^[a-z0-9]{4}$/).map((s) => `a-20261124-${s}`);

export const noteArb: fc.Arbitrary<GenNote> = fc.record({
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  style: fc.constantFrom('double' as const, 'single' as const, 'plain' as const),
  headerComment: fc.boolean(),
  actions: fc.uniqueArray(
    fc.record({
      id: idArb,
      text: textArb,
      status: fc.constantFrom('open', 'open', 'done', 'partly', 'not-done', 'let-go'),
      due: fc.option(dateArb, { nil: undefined }),
      values: fc.array(fc.constantFrom('impact', 'craft', 'family'), { maxLength: 2 }),
      flow: fc.boolean(),
      comment: fc.boolean(),
      blankBefore: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4, selector: (a) => a.id },
  ),
  actionsStyle: fc.constantFrom('block' as const, 'flow' as const, 'indented' as const),
  learnings: fc.constantFrom('absent' as const, 'empty-flow' as const, 'null' as const, 'block' as const),
  learningTexts: fc.array(textArb, { minLength: 1, maxLength: 2 }),
  feedback: fc.constantFrom('absent' as const, 'empty-flow' as const, 'null' as const, 'block' as const),
  body: fc.constantFrom('', 'Free writing.\n', '\n---\nnot frontmatter\n', '# Notes\n\n- item\n'),
  hostile: fc.oneof({ arbitrary: fc.constant('none' as const), weight: 6 }, fc.constantFrom('alias' as const, 'tab-indent' as const, 'duplicate-key' as const, 'tab-separator' as const)),
});

function q(s: string, style: GenNote['style']): string {
  if (style === 'plain' && isPlainSafe(s)) {
    return s;
  }
  if (style === 'single') {
    return quoteSingle(s);
  }
  return quoteDouble(s);
}

/** The note's text (without BOM; the BOM flag is applied when encoding). */
export function renderGenNote(n: GenNote): string {
  const L: string[] = ['---'];
  if (n.headerComment) {
    L.push('# written by hand');
  }
  if (n.hostile === 'alias') {
    L.push('shared: &shared [impact, craft]', 'also: *shared');
  } else if (n.hostile === 'duplicate-key') {
    L.push('id: s-2026-11-23');
  } else if (n.hostile === 'tab-indent') {
    L.push('extra:', '\tkey: value');
  }
  const colon = n.hostile === 'tab-separator' ? ':\t' : ': ';
  L.push(`type${colon}coaching-session`, 'id: s-2026-11-24   # the id', `date: ${n.style === 'plain' ? '2026-11-24' : q('2026-11-24', n.style === 'single' ? 'single' : 'double')}`);
  if (n.actionsStyle === 'flow') {
    L.push('actions: [' + n.actions.map((a) => `{id: ${a.id}, text: ${q(a.text, n.style === 'plain' ? 'double' : n.style)}, status: ${a.status}${a.due ? `, due: "${a.due}"` : ''}, values: [${a.values.join(', ')}]}`).join(', ') + ']');
  } else {
    L.push('actions:');
    const pad = n.actionsStyle === 'indented' ? '  ' : '';
    for (const a of n.actions) {
      if (a.blankBefore) {
        L.push('');
      }
      if (a.comment) {
        L.push(`${pad}# about ${a.id}`);
      }
      if (a.flow) {
        L.push(`${pad}- {id: ${a.id}, text: ${q(a.text, n.style === 'plain' ? 'double' : n.style)}, status: ${a.status}}`);
        continue;
      }
      L.push(`${pad}- id: ${a.id}`, `${pad}  text: ${q(a.text, n.style)}`, `${pad}  status${colon}${a.status}${a.comment ? '   # status' : ''}`);
      if (a.due) {
        L.push(`${pad}  due: "${a.due}"`);
      }
      if (a.values.length) {
        L.push(`${pad}  values:`, ...a.values.map((v) => `${pad}    - ${v}`));
      }
    }
  }
  const list = (key: string, mode: GenNote['learnings']) => {
    if (mode === 'empty-flow') {
      L.push(`${key}: []`);
    } else if (mode === 'null') {
      L.push(`${key}:`);
    } else if (mode === 'block') {
      n.learningTexts.forEach((t, i) => L.push(`${key === 'learnings' ? '' : ''}${i === 0 ? `${key}:\n` : ''}  - id: ${key[0]}-${i}\n    text: ${q(t, n.style)}`.replace(/\n/g, '\u0001')));
    }
  };
  list('learnings', n.learnings);
  list('feedback', n.feedback);
  L.push('---');
  const text = L.join('\n').replace(/\u0001/g, '\n') + '\n' + n.body;
  return n.eol === '\n' ? text : text.replace(/\r?\n/g, '\r\n');
}
