// The values-to-actions map as the webview and the CLI see it: gaps found in the fixture journals, a
// layout that is a pure function of the map, crossings kept low, and the legend's sentences.
import * as assert from 'assert';
import * as path from 'path';
import {
  JournalIndex, loadJournal, buildValuesMap, layoutValuesMap, orderColumns, countCrossings, wrapLabel, gapCounts, gapSummary,
  mapOptionsFor, isMapFilters, exportFileName, mermaidDocument, mapToMermaid, DEFAULT_MAP_FILTERS, mapStats, statsSummary, MAP_PERIODS,
  type JournalSnapshot, type ValuesMap, type MapNode,
} from '../../src/core';
import { NodeJournalStore } from '../../src/cli/nodeStore';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const TODAY = '2026-11-24';

async function snapshotOf(dir: string): Promise<JournalSnapshot> {
  const index = new JournalIndex();
  await loadJournal(new NodeJournalStore(path.join(repoRoot, dir)), index);
  return index.snapshot();
}

/** A deterministic shuffle (so a failure can be reproduced). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('Values map: gaps in the fixture journals', () => {
  let fixture: JournalSnapshot;
  let sample: JournalSnapshot;
  before(async () => {
    fixture = await snapshotOf('test/fixtures/journal');
    sample = await snapshotOf('sample/coaching');
  });

  it('finds the value with no active focus area and no open commitment (family, in the year-long fixture)', () => {
    const map = buildValuesMap(fixture, { today: TODAY });
    assert.deepStrictEqual(map.gaps.valuesWithoutAction, ['family']);
    assert.strictEqual(map.nodes.find((n) => n.key === 'value:family')?.gap, 'no active focus area and no open commitment');
    assert.deepStrictEqual(map.gaps.focusAreasWithoutOpenCommitment, []);
    assert.deepStrictEqual(map.gaps.unlinkedCommitments, []);
  });

  it('shows the open commitments by default, each under its focus area', () => {
    const map = buildValuesMap(fixture, { today: TODAY });
    const commitments = map.nodes.filter((n) => n.kind === 'commitment').map((n) => n.id).sort();
    assert.deepStrictEqual(commitments, ['a-20260209-4tgh', 'a-20260713-oi16', 'a-20261019-c1ql', 'a-20261123-gi9n', 'a-20261123-vv6v']);
    assert.ok(map.edges.some((e) => e.from === 'focus:strategic-thinking' && e.to === 'action:a-20260209-4tgh'));
    assert.strictEqual(map.nodes.find((n) => n.id === 'a-20260209-4tgh')?.overdue, true);
  });

  it('counts a commitment with no values of its own as serving its focus area\'s values (not a gap)', () => {
    // The fixture's `values: []` commitment: the core derives its values from its focus area.
    const map = buildValuesMap(fixture, mapOptionsFor({ include: 'all', period: 'all' }, TODAY));
    const node = map.nodes.find((n) => n.id === 'a-20260504-rjwp');
    assert.ok(node, 'the closed commitment is on the map with "all"');
    assert.strictEqual(node.gap, undefined);
    assert.ok(map.edges.some((e) => e.from === 'focus:execution' && e.to === 'action:a-20260504-rjwp'));
    assert.ok(!map.nodes.some((n) => n.kind === 'unlinked'));
  });

  it('limits closed commitments to the chosen period', () => {
    const month = buildValuesMap(fixture, mapOptionsFor({ include: 'all', period: 'month' }, TODAY));
    const year = buildValuesMap(fixture, mapOptionsFor({ include: 'all', period: 'year' }, TODAY));
    const count = (m: ValuesMap): number => m.nodes.filter((n) => n.kind === 'commitment').length;
    assert.ok(count(month) > 5 && count(month) < count(year), `${count(month)} in a month, ${count(year)} in a year`);
    assert.strictEqual(mapOptionsFor({ include: 'all', period: 'month' }, TODAY).since, '2026-10-26');
  });

  it('finds the sample journal gaps: two values with no action, one focus area with no open commitment', () => {
    const map = buildValuesMap(sample, { today: TODAY });
    assert.deepStrictEqual(map.gaps, { valuesWithoutAction: ['craft', 'family'], focusAreasWithoutOpenCommitment: ['leadership'], unlinkedCommitments: [] });
    assert.deepStrictEqual(gapSummary(gapCounts(map)), ['2 values have no action', '1 focus area has no open commitment']);
  });

  it('puts an open commitment linked to no value in its own lane, below the values', () => {
    const map = buildValuesMap(syntheticSnapshot(), { today: TODAY });
    assert.deepStrictEqual(map.gaps.unlinkedCommitments, ['a-3']);
    assert.strictEqual(map.nodes.find((n) => n.id === 'a-3')?.gap, 'linked to no value');
    assert.ok(map.edges.some((e) => e.from === 'unlinked' && e.to === 'action:a-3'));
    const layout = layoutValuesMap(map);
    assert.deepStrictEqual(layout.columns[1], ['value:craft', 'value:impact', 'unlinked']);
    // The lane's edge skips the focus-area column: it runs between two of its nodes, not behind one.
    const edge = layout.edges.find((e) => e.from === 'unlinked')!;
    const run = / L ([\d.]+) ([\d.]+) /.exec(edge.path);
    assert.ok(run, edge.path);
    for (const key of layout.columns[2]) {
      const box = layout.nodes.find((n) => n.key === key)!;
      assert.ok(Number(run[2]) < box.y || Number(run[2]) > box.y + box.height, `${edge.path} clear of ${key}`);
    }
    assert.deepStrictEqual(gapSummary(gapCounts(map)), ['1 commitment is linked to no value']);
  });
});

describe('Values map: gaps over the chosen period', () => {
  let fixture: JournalSnapshot;
  let sample: JournalSnapshot;
  before(async () => {
    fixture = await snapshotOf('test/fixtures/journal');
    sample = await snapshotOf('sample/coaching');
  });

  const gapsFor = (snap: JournalSnapshot, period: (typeof MAP_PERIODS)[number], today = TODAY) =>
    buildValuesMap(snap, mapOptionsFor({ include: 'open', period }, today));

  it('counts a value served by a commitment closed within the period as having an action in it', () => {
    // Sample journal: "family" has no open commitment and no active focus area, but a-20261026-z4ow
    // (values: [teaching, family]) was made on 2026-10-26 and closed done on 2026-11-02, within the last
    // 30 days (2026-10-26..2026-11-24). Craft's last commitment closed on 2026-10-19, before them.
    const family = sample.commitments.filter((c) => c.values.includes('family'));
    assert.ok(family.every((c) => c.status !== 'open'), 'no open commitment serves family');
    assert.ok(family.some((c) => (c.closed ?? '') >= '2026-10-26'), family.map((c) => `${c.id} ${c.made} ${c.closed}`).join(', '));
    const month = gapsFor(sample, 'month');
    assert.deepStrictEqual(month.gaps.valuesWithoutAction, ['craft']);
    assert.deepStrictEqual(gapSummary(gapCounts(month), 'month'), ['1 value has no action in the last 30 days', '1 focus area has no open commitment']);
    assert.strictEqual(month.nodes.find((n) => n.key === 'value:craft')?.gap,
      'no active focus area, no open commitment, and no commitment made or closed in the last 30 days');
    assert.strictEqual(month.nodes.find((n) => n.key === 'value:family')?.gap, undefined);
  });

  it('moves the window with today: a month later the same closed commitment no longer counts', () => {
    const later = gapsFor(sample, 'month', '2026-12-24');
    assert.deepStrictEqual(later.gaps.valuesWithoutAction, ['craft', 'family']);
    assert.deepStrictEqual(gapSummary(gapCounts(later), 'month'), ['2 values have no action in the last 30 days', '1 focus area has no open commitment']);
    // The quarter (2026-09-25..2026-12-24) still holds both (closed 2026-10-19 and 2026-11-02).
    assert.deepStrictEqual(gapsFor(sample, 'quarter', '2026-12-24').gaps.valuesWithoutAction, []);
  });

  it('widens with the period: craft\'s last commitment counts within the quarter, and every period after', () => {
    for (const period of ['quarter', 'year', 'all'] as const) {
      const map = gapsFor(sample, period);
      assert.deepStrictEqual(map.gaps.valuesWithoutAction, [], period);
      assert.deepStrictEqual(gapSummary(gapCounts(map), period), ['1 focus area has no open commitment'], period);
    }
  });

  it('never counts a value no commitment ever served, whatever the period (family in the year-long fixture)', () => {
    for (const period of MAP_PERIODS) {
      assert.deepStrictEqual(gapsFor(fixture, period).gaps.valuesWithoutAction, ['family'], period);
    }
    assert.deepStrictEqual(gapSummary(gapCounts(gapsFor(fixture, 'all')), 'all'), ['1 value has no action at any time']);
  });

  it('ignores commitments dated after today (a note written ahead)', () => {
    // On 2026-10-25 family's commitment (made 2026-10-26, closed 2026-11-02) lies ahead: it does not count;
    // craft's, closed on 2026-10-19, does.
    const before = gapsFor(sample, 'month', '2026-10-25');
    assert.ok(before.gaps.valuesWithoutAction.includes('family'), before.gaps.valuesWithoutAction.join(', '));
    assert.ok(!before.gaps.valuesWithoutAction.includes('craft'), before.gaps.valuesWithoutAction.join(', '));
  });

  it('keeps the focus-area and unlinked counts about now (open commitments), whatever the period', () => {
    for (const period of MAP_PERIODS) {
      const map = gapsFor(sample, period);
      assert.deepStrictEqual(map.gaps.focusAreasWithoutOpenCommitment, ['leadership'], period);
      assert.deepStrictEqual(map.gaps.unlinkedCommitments, [], period);
    }
  });

  it('has the period in the sentence, and "at any time" for all', () => {
    assert.deepStrictEqual(gapSummary({ values: 2, focusAreas: 0, commitments: 0 }, 'quarter'), ['2 values have no action in the last 3 months']);
    assert.deepStrictEqual(gapSummary({ values: 0, focusAreas: 0, commitments: 0 }, 'year'), ['Every value has an action in the last 12 months, and every action serves a value']);
    assert.deepStrictEqual(gapSummary({ values: 1, focusAreas: 0, commitments: 0 }, 'all'), ['1 value has no action at any time']);
  });
});

describe('Values map: the legend stats', () => {
  it('gives the sample journal\'s sessions, streak and follow-through, as computeStats counts them', async () => {
    const sample = await snapshotOf('sample/coaching');
    const stats = mapStats(sample, TODAY, 7);
    assert.deepStrictEqual(stats, { sessions: 10, streak: 10, cadenceDays: 7, made: 15, followedThrough: 11, open: 3, carriedForward: 1, rate: '92%' });
    assert.deepStrictEqual(statsSummary(stats), [
      '10 sessions', 'Streak: 10 sessions within 7 days of each other', 'Follow-through: 92% (11 of 12 closed done or partly; 3 open, 1 carried forward)',
    ]);
  });

  it('counts the streak against the cadence: three weeks after the last session it is broken', async () => {
    const fixture = await snapshotOf('test/fixtures/journal');
    assert.strictEqual(mapStats(fixture, TODAY, 7).streak, 52);
    assert.strictEqual(mapStats(fixture, '2026-12-14', 7).streak, 0);
    // With a 28-day cadence the run is back, as long as it was with 7 days (its first gap is longer still).
    assert.strictEqual(mapStats(fixture, '2026-12-14', 28).streak, 52);
  });

  it('says one session, and "–" while nothing is closed', () => {
    assert.deepStrictEqual(statsSummary({ sessions: 1, streak: 1, cadenceDays: 1, made: 2, followedThrough: 0, open: 2, carriedForward: 0, rate: '–' }), [
      '1 session', 'Streak: 1 session within 1 day of each other', 'Follow-through: – (0 of 0 closed done or partly; 2 open)',
    ]);
  });
});

describe('Values map: the legend sentences', () => {
  it('says each kind of gap with its count, singular or plural', () => {
    assert.deepStrictEqual(gapSummary({ values: 2, focusAreas: 1, commitments: 3 }), [
      '2 values have no action', '1 focus area has no open commitment', '3 commitments are linked to no value',
    ]);
    assert.deepStrictEqual(gapSummary({ values: 1, focusAreas: 2, commitments: 1 }), [
      '1 value has no action', '2 focus areas have no open commitment', '1 commitment is linked to no value',
    ]);
  });

  it('says so when there is nothing to notice', () => {
    assert.deepStrictEqual(gapSummary({ values: 0, focusAreas: 0, commitments: 0 }), ['Every value has an action, and every action serves a value']);
  });
});

/** A tiny journal snapshot built by hand: two values, two focus areas, one commitment linked to nothing. */
function syntheticSnapshot(): JournalSnapshot {
  const loc = (file: string, line: number) => ({ file, line, character: 0 });
  const values = [{ id: 'craft', name: 'Craft', loc: loc('big-picture.md', 4) }, { id: 'impact', name: 'Impact', loc: loc('big-picture.md', 6) }];
  const focusAreas = [
    { id: 'x', title: 'X', values: ['impact'], status: 'active', loc: loc('focus-areas/x.md', 0) },
    { id: 'y', title: 'Y', values: ['craft'], status: 'active', loc: loc('focus-areas/y.md', 0) },
  ];
  const c = (id: string, focus: string | undefined, vals: string[], line: number) => ({
    id, text: `Commitment ${id}`, focus, values: vals, status: 'open', declaredStatus: 'open', made: '2026-11-20', session: 's-2026-11-20',
    learnings: [], checkins: [], loc: loc('sessions/2026-11-20.md', line),
  });
  const commitments = [c('a-1', 'x', [], 10), c('a-2', 'y', [], 16), c('a-3', undefined, [], 22)];
  return {
    version: 1, bigPicture: { vision: 'A vision', values, loc: loc('big-picture.md', 0) }, values, valueById: new Map(values.map((v) => [v.id, v])),
    focusAreas, focusById: new Map(focusAreas.map((f) => [f.id, f])), sessions: [], commitments,
    commitmentById: new Map(commitments.map((x) => [x.id, x])), learnings: [], feedback: [],
  } as unknown as JournalSnapshot;
}

/**
 * A map whose journal order crosses: values A, B; focus areas F1 (serves B) and F2 (serves A), each with
 * commitments listed in the opposite order.
 */
function crossedMap(): ValuesMap {
  const node = (key: string, kind: MapNode['kind'], layer: number, file: string, line: number): MapNode => ({ key, kind, layer, label: key, file, line });
  const nodes: MapNode[] = [
    node('vision', 'vision', 0, 'big-picture.md', 0),
    node('value:a', 'value', 1, 'big-picture.md', 3),
    node('value:b', 'value', 1, 'big-picture.md', 5),
    node('value:c', 'value', 1, 'big-picture.md', 7),
    node('focus:f1', 'focus-area', 2, 'focus-areas/f1.md', 0),
    node('focus:f2', 'focus-area', 2, 'focus-areas/f2.md', 0),
    node('focus:f3', 'focus-area', 2, 'focus-areas/f3.md', 0),
    node('action:1', 'commitment', 3, 'sessions/1.md', 1),
    node('action:2', 'commitment', 3, 'sessions/1.md', 2),
    node('action:3', 'commitment', 3, 'sessions/1.md', 3),
    node('action:4', 'commitment', 3, 'sessions/1.md', 4),
  ];
  const edges = [
    { from: 'vision', to: 'value:a' }, { from: 'vision', to: 'value:b' }, { from: 'vision', to: 'value:c' },
    { from: 'value:c', to: 'focus:f1' }, { from: 'value:b', to: 'focus:f2' }, { from: 'value:a', to: 'focus:f3' },
    { from: 'focus:f3', to: 'action:1' }, { from: 'focus:f2', to: 'action:2' }, { from: 'focus:f1', to: 'action:3' },
    { from: 'focus:f3', to: 'action:4' },
  ];
  return { nodes, edges, gaps: { valuesWithoutAction: [], focusAreasWithoutOpenCommitment: [], unlinkedCommitments: [] } };
}

describe('Values map: layout', () => {
  let sample: JournalSnapshot;
  let fixture: JournalSnapshot;
  before(async () => {
    sample = await snapshotOf('sample/coaching');
    fixture = await snapshotOf('test/fixtures/journal');
  });

  it('places vision, values, focus areas and commitments in four columns, left to right', () => {
    const map = buildValuesMap(sample, { today: TODAY });
    const layout = layoutValuesMap(map);
    assert.deepStrictEqual(layout.columns.map((c) => c.length), [1, 4, 4, 3]);
    const x = (key: string): number => layout.nodes.find((n) => n.key === key)!.x;
    assert.ok(x('vision') < x('value:impact') && x('value:impact') < x('focus:leadership') && x('focus:leadership') < x('action:a-20261123-y9cj'));
    assert.strictEqual(layout.edges.length, map.edges.length);
    for (const e of layout.edges) {
      assert.match(e.path, /^M [\d.]+ [\d.]+( C [\d.]+ [\d.]+, [\d.]+ [\d.]+, [\d.]+ [\d.]+| L [\d.]+ [\d.]+)+$/);
    }
    // No two nodes of a column overlap; everything fits in the drawing.
    for (const col of layout.columns) {
      const boxes = col.map((k) => layout.nodes.find((n) => n.key === k)!);
      for (let i = 1; i < boxes.length; i++) {
        assert.ok(boxes[i].y >= boxes[i - 1].y + boxes[i - 1].height, `${boxes[i].key} below ${boxes[i - 1].key}`);
      }
      for (const b of boxes) {
        assert.ok(b.x + b.width <= layout.width && b.y + b.height <= layout.height);
      }
    }
  });

  it('gives the same layout for the same map, every time', () => {
    const map = buildValuesMap(fixture, mapOptionsFor({ include: 'all', period: 'year' }, TODAY));
    assert.deepStrictEqual(layoutValuesMap(map), layoutValuesMap(map));
    assert.deepStrictEqual(JSON.stringify(layoutValuesMap(map)), JSON.stringify(layoutValuesMap(structuredClone(map))));
  });

  it('gives the same layout whatever the order of the nodes and edges in the input', () => {
    for (const map of [
      buildValuesMap(fixture, mapOptionsFor({ include: 'all', period: 'year' }, TODAY)),
      buildValuesMap(sample, mapOptionsFor({ include: 'all', period: 'all' }, TODAY)),
      crossedMap(),
    ]) {
      const expected = layoutValuesMap(map);
      for (const seed of [1, 2, 3, 42, 2026]) {
        const shuffledMap = { ...map, nodes: shuffled(map.nodes, seed), edges: shuffled(map.edges, seed + 7) };
        assert.deepStrictEqual(layoutValuesMap(shuffledMap), expected, `seed ${seed}`);
      }
    }
  });

  it('has fewer edge crossings than the journal order where that order crosses', () => {
    const map = crossedMap();
    const naive = orderColumns(map, { naive: true });
    const ordered = orderColumns(map);
    assert.strictEqual(naive.crossings, 6);
    assert.strictEqual(ordered.crossings, 0);
    assert.deepStrictEqual(ordered.columns, [
      ['vision'], ['value:a', 'value:b', 'value:c'], ['focus:f3', 'focus:f2', 'focus:f1'], ['action:1', 'action:4', 'action:2', 'action:3'],
    ]);
    assert.strictEqual(layoutValuesMap(map).crossings, 0);
  });

  it('never does worse than the journal order on the fixture journals', () => {
    for (const map of [
      buildValuesMap(fixture, mapOptionsFor({ include: 'all', period: 'all' }, TODAY)),
      buildValuesMap(fixture, mapOptionsFor({ include: 'all', period: 'year' }, TODAY)),
      buildValuesMap(sample, mapOptionsFor({ include: 'all', period: 'all' }, TODAY)),
      buildValuesMap(sample, { today: TODAY }),
    ]) {
      const naive = orderColumns(map, { naive: true }).crossings;
      const ordered = orderColumns(map).crossings;
      assert.ok(ordered <= naive, `${ordered} <= ${naive}`);
      assert.strictEqual(countCrossings(orderColumns(map).columns, map.edges), ordered);
    }
    const all = buildValuesMap(sample, mapOptionsFor({ include: 'all', period: 'all' }, TODAY));
    assert.ok(orderColumns(all).crossings < orderColumns(all, { naive: true }).crossings, 'the sample journal with closed commitments crosses less');
  });

  it('counts crossings between adjacent columns and along edges that skip a column', () => {
    // a1 → b2 and a2 → b1 cross once; an edge sharing an endpoint does not count.
    assert.strictEqual(countCrossings([['a1', 'a2'], ['b1', 'b2']], [{ from: 'a1', to: 'b2' }, { from: 'a2', to: 'b1' }]), 1);
    assert.strictEqual(countCrossings([['a1', 'a2'], ['b1', 'b2']], [{ from: 'a1', to: 'b2' }, { from: 'a1', to: 'b1' }]), 0);
    // A long edge from the top of column 0 to the bottom of column 2 crosses a short one going up.
    assert.strictEqual(countCrossings([['a1', 'a2'], ['b1', 'b2'], ['c1', 'c2']], [{ from: 'a1', to: 'c2' }, { from: 'a2', to: 'b1' }]), 1);
  });

  it('counts the same crossings as checking every pair of edges, on random orders', () => {
    const columns = [['v0'], ['a0', 'a1', 'a2', 'a3'], ['b0', 'b1', 'b2', 'b3', 'b4'], ['c0', 'c1', 'c2', 'c3', 'c4', 'c5']];
    const edges: ValuesMap['edges'] = [];
    let s = 7;
    const rand = (n: number): number => (s = (s * 1103515245 + 12345) % 2147483648) % n;
    for (let i = 0; i < 18; i++) {
      const c = 1 + rand(2);
      edges.push({ from: columns[c][rand(columns[c].length)], to: columns[c + 1][rand(columns[c + 1].length)] });
    }
    const pairwise = (cols: string[][]): number => {
      const pos = new Map<string, number>();
      cols.forEach((col) => col.forEach((k, i) => pos.set(k, (i + 0.5) / col.length)));
      const unique = [...new Map(edges.map((e) => [`${e.from}>${e.to}`, e])).values()];
      let n = 0;
      for (let i = 0; i < unique.length; i++) {
        for (let j = i + 1; j < unique.length; j++) {
          const [e, f] = [unique[i], unique[j]];
          if (e.from[0] === f.from[0] && (pos.get(e.from)! - pos.get(f.from)!) * (pos.get(e.to)! - pos.get(f.to)!) < 0) {
            n++;
          }
        }
      }
      return n;
    };
    for (let seed = 1; seed <= 20; seed++) {
      const cols = columns.map((c, i) => shuffled(c, seed * 10 + i));
      const unique = [...new Map(edges.map((e) => [`${e.from}>${e.to}`, e])).values()];
      assert.strictEqual(countCrossings(cols, unique), pairwise(cols), `seed ${seed}`);
    }
  });

  it('lays out a map of 2,000 commitments quickly enough to redraw live', () => {
    const nodes: MapNode[] = [{ key: 'vision', kind: 'vision', layer: 0, label: 'v' }];
    const edges: ValuesMap['edges'] = [];
    for (let v = 0; v < 5; v++) {
      nodes.push({ key: `value:${v}`, kind: 'value', layer: 1, label: `Value ${v}`, file: 'big-picture.md', line: v });
      edges.push({ from: 'vision', to: `value:${v}` });
    }
    for (let f = 0; f < 20; f++) {
      nodes.push({ key: `focus:${f}`, kind: 'focus-area', layer: 2, label: `Focus ${f}`, file: `focus-areas/${f}.md`, line: 0 });
      edges.push({ from: `value:${(f * 3) % 5}`, to: `focus:${f}` }, { from: `value:${(f * 7 + 1) % 5}`, to: `focus:${f}` });
    }
    for (let c = 0; c < 2000; c++) {
      nodes.push({ key: `action:${c}`, kind: 'commitment', layer: 3, label: `Commitment number ${c} with some words`, file: `sessions/${String(c).padStart(4, '0')}.md`, line: 1 });
      edges.push({ from: `focus:${(c * 13) % 20}`, to: `action:${c}` });
    }
    const started = Date.now();
    const layout = layoutValuesMap({ nodes, edges, gaps: { valuesWithoutAction: [], focusAreasWithoutOpenCommitment: [], unlinkedCommitments: [] } });
    const ms = Date.now() - started;
    assert.strictEqual(layout.nodes.length, nodes.length);
    console.log(`      (2,026 nodes laid out in ${ms} ms; ${layout.crossings} crossings)`);
  });

  it('wraps labels by words into at most three lines, ellipsised', () => {
    assert.deepStrictEqual(wrapLabel('Ask Priya for two past proposals', 12), ['Ask Priya', 'for two past', 'proposals']);
    assert.deepStrictEqual(wrapLabel('one two three four five six seven eight', 9, 2), ['one two', 'three…']);
    assert.deepStrictEqual(wrapLabel('', 10), ['']);
    assert.deepStrictEqual(wrapLabel('abcdefghijkl', 5), ['abcde', 'fghij', 'kl']);
  });
});

describe('Values map: filters and exports', () => {
  it('accepts well-formed filters and rejects anything else', () => {
    assert.ok(isMapFilters(DEFAULT_MAP_FILTERS));
    assert.ok(isMapFilters({ include: 'all', period: 'year', focus: 'strategic-work' }));
    for (const bad of [null, undefined, 'open', [], {}, { include: 'open' }, { include: 'some', period: 'month' }, { include: 'open', period: 'week' },
      { include: 'open', period: 'month', focus: 3 }, { include: 'open', period: 'month', focus: '' }]) {
      assert.ok(!isMapFilters(bad), JSON.stringify(bad));
    }
  });

  it('names a new export file and never reuses an existing name', () => {
    const taken = new Set(['values-map-2026-11-24.md', 'values-map-2026-11-24-2.md']);
    assert.strictEqual(exportFileName('2026-11-24', 'md', (n) => taken.has(n)), 'values-map-2026-11-24-3.md');
    assert.strictEqual(exportFileName('2026-11-24', 'svg', (n) => taken.has(n)), 'values-map-2026-11-24.svg');
  });

  it('writes the Mermaid export as a markdown document with a mermaid block and the gap counts', async () => {
    const sample = await snapshotOf('sample/coaching');
    const map = buildValuesMap(sample, mapOptionsFor(DEFAULT_MAP_FILTERS, TODAY));
    const doc = mermaidDocument(mapToMermaid(map), TODAY, DEFAULT_MAP_FILTERS, gapCounts(map));
    assert.match(doc, /^# Values map, 2026-11-24\n/);
    assert.match(doc, /\n```mermaid\nflowchart LR\n[\s\S]*\n```\n$/);
    assert.match(doc, /\n- 1 value has no action in the last 30 days\n- 1 focus area has no open commitment\n/);
  });

  it('keeps note text from breaking out of a Mermaid label', () => {
    const map = crossedMap();
    map.nodes[7] = { ...map.nodes[7], label: '<img src=x onerror="document.title=\'pwned\'"> ``` </script>' };
    const mermaid = mapToMermaid(map);
    assert.ok(!mermaid.includes('<img') && !mermaid.includes('</script>') && !mermaid.includes('"document'), mermaid);
  });

  it('keeps hostile titles, names and texts inside their Mermaid node labels (parsed structurally)', () => {
    const HOSTILE = ['A"] --> X["owned', 'B --> C', 'tick `**md**`', '%% comment\ninjected', 'line\r\nbreak\u2028sep', '"]; click n0 call alert(1)', '\u202Eevil', 'x'.repeat(56) + '😀😀😀😀'];
    const index = new JournalIndex();
    const q = (t: string): string => JSON.stringify(t);
    index.setText('big-picture.md', ['---', 'type: coaching-big-picture', `vision: ${q(HOSTILE[0])}`, 'values:',
      ...HOSTILE.map((h, i) => `  - id: v${i}\n    name: ${q(h)}`), '---', ''].join('\n'));
    HOSTILE.forEach((h, i) => index.setText(`focus-areas/f${i}.md`, ['---', 'type: coaching-focus-area', `id: f${i}`, `title: ${q(h)}`, `values: [v${i}]`, 'status: active', '---', ''].join('\n')));
    index.setText('sessions/2026-11-17.md', ['---', 'type: coaching-session', 'id: s-2026-11-17', 'date: "2026-11-17"', 'actions:',
      ...HOSTILE.map((h, i) => `  - id: a-20261117-h00${i}\n    text: ${q(h)}\n    focus: f${i}\n    values: [v${i}]\n    status: open`), '---', ''].join('\n'));
    const map = buildValuesMap(index.snapshot(), { today: TODAY });
    const mermaid = mapToMermaid(map);
    const lines = mermaid.trimEnd().split('\n');
    assert.strictEqual(lines[0], 'flowchart LR');
    const labels: string[] = [];
    const node = /^ {2}n\d+(\(\(|\(\[|\[|\{\{|\()"([^"\n`%]*)"(\)\)|\]\)|\]|\}\}|\))$/;
    const edge = /^ {2}n\d+ --> n\d+$/;
    for (const line of lines.slice(1)) {
      const m = node.exec(line);
      if (m) {
        labels.push(m[2].replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))));
      } else {
        assert.ok(edge.test(line) || /^ {2}(classDef gap |class n[\d,n]+ gap$)/.test(line), `a node, an edge or the gap class: ${JSON.stringify(line)}`);
      }
    }
    assert.strictEqual(labels.length, map.nodes.length, 'one line per node, nothing more');
    assert.strictEqual(lines.filter((l) => edge.test(l)).length, map.edges.length, 'no edge but the map\'s own');
    // Each label says what the note says (line breaks as spaces, long text cut at a whole character).
    const shown = (t: string): string => {
      const flat = t.replace(/[\r\n\u2028\u2029]+/g, ' ');
      return [...flat].length > 60 ? [...flat].slice(0, 57).join('') + '…' : flat;
    };
    for (const h of HOSTILE) {
      assert.ok(labels.includes(shown(h)), `${JSON.stringify(shown(h))} in ${JSON.stringify(labels)}`);
    }
    assert.ok(!labels.some((l) => /[\uD800-\uDFFF]/.test(l.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))), 'no surrogate half');
    // In the markdown document, the code block is not closed early.
    const doc = mermaidDocument(mermaid, TODAY, DEFAULT_MAP_FILTERS, gapCounts(map)).split('\n');
    const open = doc.indexOf('```mermaid');
    assert.deepStrictEqual(doc.slice(open + 1).filter((l) => l.startsWith('```')).length, 1);
    assert.strictEqual(doc.slice(open + 1).findIndex((l) => l.startsWith('```')), lines.length);
  });
});
