/**
 * Deterministic synthetic journals for the benchmark: a big picture, a few focus areas and N session
 * notes with realistic frontmatter (~1 KB: goals, focus, check-ins with learnings, 1–3 commitments,
 * learnings, feedback) in mixed YAML styles (double/single/plain quoting, flow and block lists, flow
 * mappings, block scalars, comments, some CRLF files, a few BOMs) and markdown bodies of ~3 KB.
 * Same seed, same bytes: no clock, no Math.random.
 */

export interface GenOptions {
  sessions: number;
  seed?: number;
  /**
   * Share of commitments left open (never checked in on, status open). Default 0.02: a journal
   * where most commitments were followed up. 1 gives a journal of open commitments (for the map).
   */
  openShare?: number;
}

export interface GeneratedJournal {
  /** Relative path (`/`-separated) → file text (with its BOM, if any). */
  files: Map<string, string>;
  sessions: number;
  actions: number;
  openActions: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES = [
  { id: 'craft', name: 'Craft', why: 'I want to be proud of the work line by line, not just ship it' },
  { id: 'impact', name: 'Impact on people', why: "I want my work to make other teams' days easier" },
  { id: 'autonomy', name: 'Autonomy', why: 'Choosing my own problems is what keeps me curious' },
  { id: 'family', name: 'Time with family', why: 'Evenings with the kids are not negotiable' },
  { id: 'growth', name: 'Growth', why: 'I want to be a little better at this every quarter' },
];

const FOCUS = [
  { id: 'execution', title: 'Excellent execution in the payments area', values: ['craft', 'impact'], status: 'active' },
  { id: 'strategic-thinking', title: 'Show strategic thinking', values: ['impact', 'autonomy'], status: 'active' },
  { id: 'manager-support', title: 'Help my manager with what she struggles with most', values: ['impact'], status: 'paused' },
  { id: 'peer-relationships', title: "Relationships with my manager's peers", values: ['autonomy', 'impact'], status: 'achieved' },
  { id: 'mentoring', title: 'Grow the two juniors on the team', values: ['impact', 'growth'], status: 'active' },
  { id: 'writing', title: 'Write design docs people actually read', values: ['craft', 'growth'], status: 'active' },
];

const VERBS = ['Ask', 'Tell', 'Write', 'Draft', 'Review', 'Share', 'Schedule', 'Prepare', 'Pair with', 'Present', 'Summarise', 'Block time for'];
const PEOPLE = ['Priya', 'Lena', 'Tomás', 'Aiko', 'Ines', 'Marcus', 'the on-call lead', 'the support team', 'my skip-level', 'the platform team'];
const OBJECTS = [
  'two past proposals and note what makes them work', 'the date risk on the payout API before the demo', 'a one-page plan for the ledger migration',
  'the incident review notes by Friday', "the estimate concern in this afternoon's planning meeting", 'what I learned from the outage',
  'a short design doc for the retry queue', 'feedback on the onboarding guide', 'the quarterly planning spreadsheet', 'a "no, but" instead of a late-night yes',
  'the risks of the project in week one', 'a 30-minute review of the error budget', 'the runbook for the settlement job',
];
const SUCCESS = [
  'I can list five traits of a strong proposal', 'She hears it from me first', 'It is on the agenda and people read it',
  'I say it before the meeting moves on', 'Two people comment on it', 'The team uses it next week', 'I leave at six on Thursday',
];
const LEARN = [
  'Pre-wiring the staff meeting avoided the usual pushback', 'I stalled because I had never seen a good example; I need one first.',
  'Saying the risk early felt awkward for a minute and saved a week', 'Writing it down made the trade-off obvious to everyone',
  'Asking "what would have to be true" changed the whole discussion', "I didn't need permission, I needed a deadline",
  'Priorities moved after the incident and this was the right thing to drop.', 'Short documents get read; long ones get skimmed',
];
const FEEDBACK = [
  'You go quiet in staff meetings when you disagree', 'The payouts FAQ cut our ticket handling time in half',
  'Your reviews are thorough but arrive late', 'Bring the customer number first, then the system', 'Great job calming the incident channel',
];
const GOALS = [
  'Decide how to show strategic thinking this quarter', 'Follow up with support and risk', 'Close the quarter cleanly',
  'Prepare the promotion packet', 'Plan the next two weeks around the migration', 'Look back at what worked in the last month',
];
const WORDS = (
  'the a of to and in that it is was for on with as I at be this have from or by one had not but what all were when we there can an ' +
  'your which their said if do will each about how up out them then she many some so these would other into has more her two like him ' +
  'see time could no make than first been its who now people my made over did down only way find use may water long little very after ' +
  'words called just where most know get through back much before go good new write our used me man too any day same right look think ' +
  'also around another came come work three word must because does part even place well such here take why things help put years different ' +
  'away again off went old number great tell men say small every found still between name should home big give air line set own under read ' +
  'last never us left end along while might next sound below saw something thought both few those always looked show large often together ' +
  'asked house world going want school important until form food keep children feet land side without boy once animals life enough took ' +
  'sometimes four head above kind began almost live page got earth need far hand high year mother light parts country father let night ' +
  'following picture being study second eyes soon times story boys since white days ever paper hard near sentence better best across during ' +
  'today others however sure means knew its try told young miles sun ways thing whole hear example heard several change answer room sea ' +
  'against top turned learn point city play toward five using himself usually money seen car morning given trees body family later order'
).split(' ');

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

type Style = 'double' | 'single' | 'plain';

function q(s: string, style: Style): string {
  if (style === 'double' || (style === 'plain' && !/^[A-Za-z][A-Za-z0-9 ,.()'-]*[A-Za-z0-9.)]$/.test(s))) {
    return JSON.stringify(s);
  }
  if (style === 'single') {
    return `'${s.replace(/'/g, "''")}'`;
  }
  return s;
}

interface GenAction { id: string; date: string; open: boolean; outcome: string }

export function generateJournal(options: GenOptions): GeneratedJournal {
  const rand = prng(options.seed ?? 20261124);
  const openShare = options.openShare ?? 0.02;
  const pick = <T>(arr: readonly T[]): T => arr[Math.floor(rand() * arr.length)];
  const chance = (p: number): boolean => rand() < p;
  const files = new Map<string, string>();
  const usedIds = new Set<string>();
  const newId = (prefix: string, date: string): string => {
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
    for (;;) {
      let s = '';
      for (let i = 0; i < 4; i++) {
        s += alphabet[Math.floor(rand() * 36)];
      }
      const id = `${prefix}-${date.replace(/-/g, '')}-${s}`;
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const sentence = (min: number, max: number): string => {
    const n = min + Math.floor(rand() * (max - min + 1));
    const w: string[] = [];
    for (let i = 0; i < n; i++) {
      w.push(pick(WORDS));
    }
    const s = w.join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const body = (target: number): string => {
    let out = '';
    let para = 0;
    while (out.length < target) {
      if (para % 3 === 0) {
        out += `## ${sentence(2, 5).slice(0, -1)}\n\n`;
      }
      if (para % 4 === 2) {
        for (let i = 0; i < 3; i++) {
          out += `- ${sentence(4, 10)}\n`;
        }
        out += '\n';
      } else {
        const lines: string[] = [];
        let line = '';
        for (let i = 0; i < 5; i++) {
          for (const word of sentence(8, 18).split(' ')) {
            if (line.length + word.length > 100) {
              lines.push(line);
              line = '';
            }
            line = line ? `${line} ${word}` : word;
          }
        }
        lines.push(line);
        out += lines.join('\n') + '\n\n';
      }
      para++;
    }
    return out;
  };

  // Big picture and focus areas.
  files.set('big-picture.md', [
    '---', '# My big picture. Reread before every session.', 'type: coaching-big-picture',
    'goal: "Promotion to Staff Engineer in the spring 2027 cycle"   # the mid-term goal',
    'vision: "In two years I lead a platform area known for making other teams faster, and I still leave at six."',
    'values:', ...VALUES.flatMap((v) => [`  - id: ${v.id}`, `    name: ${q(v.name, 'plain')}`, `    why: ${q(v.why, 'double')}`]),
    '---', '# Big picture', '', body(1500),
  ].join('\n'));
  for (const f of FOCUS) {
    files.set(`focus-areas/${f.id}.md`, [
      '---', 'type: coaching-focus-area', `id: ${f.id}`, `title: ${q(f.title, 'double')}`, `values: [${f.values.join(', ')}]`, `status: ${f.status}`,
      `success: ${q(pick(SUCCESS), 'single')}`, `measure: "Milestones hit per quarter"`,
      'gap: { current: 2, target: 3, next_level: "Sets direction for a team-sized area" }', 'role_models:', '  - "Tomás (Staff Engineer)"',
      '---', body(2000),
    ].join('\n'));
  }

  // Sessions: one a day (sometimes two), each checking in on the previous session's commitments.
  let date = '1999-01-04';
  let sameDay = 1;
  let previous: GenAction[] = [];
  let actions = 0;
  let openActions = 0;
  for (let s = 0; s < options.sessions; s++) {
    // Mostly one session a day; now and then a second one on the same day (`-2`, `-3`…).
    if (s > 0 && chance(0.03)) {
      sameDay++;
    } else {
      date = addDays(date, 1);
      sameDay = 1;
    }
    const file = sameDay > 1 ? `sessions/${date}-${sameDay}.md` : `sessions/${date}.md`;
    const sid = sameDay > 1 ? `s-${date}-${sameDay}` : `s-${date}`;
    const style: Style = pick(['double', 'single', 'plain'] as const);
    const flowLists = chance(0.4);
    const lines: string[] = [];
    const L = (t: string) => lines.push(t);
    if (chance(0.2)) {
      L('# Weekly coaching session');
    }
    L('type: coaching-session');
    L(`id: ${sid}`);
    L(chance(0.05) ? `date: ${date}` : `date: ${q(date, style === 'plain' ? 'double' : style)}`);
    L('goals:  # what this session is for');
    const nGoals = 1 + Math.floor(rand() * 2);
    for (let i = 0; i < nGoals; i++) {
      L(`  - ${q(pick(GOALS), style)}`);
    }
    const focus = [pick(FOCUS).id];
    if (chance(0.5)) {
      const other = pick(FOCUS).id;
      if (other !== focus[0]) {
        focus.push(other);
      }
    }
    if (flowLists) {
      L(`focus: [${focus.join(', ')}]`);
    } else {
      L('focus:');
      focus.forEach((f) => L(`  - ${f}`));
    }
    // Check-ins on the previous session's commitments that were not left open.
    const checked = previous.filter((a) => !a.open);
    if (checked.length > 0) {
      L('checkin:');
      for (const a of checked) {
        L(`  - action: ${a.id}`);
        L(`    outcome: ${a.outcome}`);
        if (chance(0.6)) {
          L('    learnings:');
          L(`      - lens: ${pick(['doing', 'outcome', 'not-doing'])}    # doing | outcome | not-doing`);
          if (chance(0.15)) {
            L('        text: >-');
            L(`          ${pick(LEARN)}`);
            L(`          ${sentence(5, 10)}`);
          } else {
            L(`        text: ${q(pick(LEARN), style)}`);
          }
        }
      }
    }
    // Commitments made in this session.
    const made: GenAction[] = [];
    const nActions = options.openShare === 1 ? 2 : 1 + Math.floor(rand() * 3);
    L('actions:  # each one a commitment made in this session');
    for (let i = 0; i < nActions; i++) {
      const id = newId('a', date);
      const open = chance(openShare);
      const outcome = open ? 'open' : pick(['done', 'done', 'done', 'partly', 'not-done', 'let-go']);
      const text = `${pick(VERBS)} ${pick(PEOPLE)} ${pick(OBJECTS)}`;
      const due = addDays(date, 7);
      const f = pick(focus);
      const vals = FOCUS.find((x) => x.id === f)!.values.slice(0, 1 + Math.floor(rand() * 2));
      // The status is written on the action when the person recorded it there (half the time);
      // otherwise only the next session's check-in says it.
      const status = open || chance(0.5) ? 'open' : outcome;
      if (chance(0.1)) {
        L(`  - { id: ${id}, text: ${q(text, 'double')}, focus: ${f}, values: [${vals.join(', ')}], due: "${due}", status: ${status} }`);
      } else {
        L(`  - id: ${id}`);
        L(`    text: ${q(text, style)}`);
        L(`    focus: ${f}`);
        if (flowLists) {
          L(`    values: [${vals.join(', ')}]`);
        } else {
          L('    values:');
          vals.forEach((v) => L(`      - ${v}`));
        }
        L(`    success: ${q(pick(SUCCESS), style)}`);
        L(`    due: ${q(due, style === 'plain' ? 'double' : style)}`);
        L(`    status: ${status}${chance(0.3) ? '            # open | done | partly | not-done | let-go' : ''}`);
        if (status !== 'open') {
          L(`    closed: "${addDays(date, 7)}"`);
        }
      }
      made.push({ id, date, open, outcome });
      actions++;
      if (open) {
        openActions++;
      }
    }
    if (chance(0.7)) {
      L('learnings:');
      const n = 1 + Math.floor(rand() * 2);
      for (let i = 0; i < n; i++) {
        L(`  - id: ${newId('l', date)}`);
        L(`    text: ${q(pick(LEARN), style)}`);
        L(`    focus: ${pick(focus)}`);
        L(`    evidence: ${chance(0.3)}`);
      }
    } else if (chance(0.5)) {
      L('learnings: []');
    }
    if (chance(0.5)) {
      L('feedback:');
      L(`  - id: ${newId('fb', date)}`);
      L(`    from: ${pick(['manager', 'peer', 'skip-level', 'self'])}           # manager | peer | skip-level | self`);
      L(`    kind: ${pick(['praise', 'suggestion', 'blind-spot'])}`);
      L(`    focus: ${pick(focus)}`);
      L(`    text: ${q(pick(FEEDBACK), style)}`);
    }
    const eol = chance(0.1) ? '\r\n' : '\n';
    const text = ['---', ...lines, '---', body(2900)].join('\n').replace(/\n/g, eol);
    files.set(file, (chance(0.01) ? '\ufeff' : '') + text);
    previous = made;
  }
  return { files, sessions: options.sessions, actions, openActions };
}
