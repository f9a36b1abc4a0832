// `coaching-journal map` prints the same map data as the map view, with the same filters.
import * as assert from 'assert';
import { buildValuesMap, mapOptionsFor, mapToMermaid, type MapFilters } from '../../src/core';
import { FIXTURE, SAMPLE, TODAY, cli, loadFixture } from './helpers';

describe('CLI map with the map view\'s filters', () => {
  it('prints exactly the map the view builds, for each filter', async () => {
    const index = await loadFixture(FIXTURE);
    const cases: MapFilters[] = [{ include: 'open', period: 'month' }, { include: 'all', period: 'quarter' }, { include: 'all', period: 'all', focus: 'execution' }];
    for (const filters of cases) {
      const args = ['--include', filters.include, '--period', filters.period, ...(filters.focus ? ['--focus', filters.focus] : [])];
      const { code, out } = await cli(['--dir', FIXTURE, '--today', TODAY, 'map', '--format', 'json', ...args]);
      assert.strictEqual(code, 0);
      const expected = buildValuesMap(index.snapshot(), mapOptionsFor(filters, TODAY));
      assert.deepStrictEqual(JSON.parse(out), JSON.parse(JSON.stringify(expected)), args.join(' '));
      const mermaid = await cli(['--dir', FIXTURE, '--today', TODAY, 'map', ...args]);
      assert.strictEqual(mermaid.out, mapToMermaid(expected));
    }
  });

  it('defaults to open commitments and gaps over the last 30 days, as the map view does', async () => {
    const plain = await cli(['--dir', SAMPLE, '--today', TODAY, 'map', '--format', 'json']);
    const open = await cli(['--dir', SAMPLE, '--today', TODAY, 'map', '--format', 'json', '--include', 'open', '--period', 'month']);
    assert.strictEqual(plain.out, open.out);
    // Family's commitment closed on 2026-11-02: an action within the month; craft's last closed 2026-10-19.
    assert.deepStrictEqual(JSON.parse(plain.out).gaps, { valuesWithoutAction: ['craft'], focusAreasWithoutOpenCommitment: ['leadership'], unlinkedCommitments: [] });
    const year = await cli(['--dir', SAMPLE, '--today', TODAY, 'map', '--format', 'json', '--period', 'year']);
    assert.deepStrictEqual(JSON.parse(year.out).gaps.valuesWithoutAction, []);
  });

  it('rejects an unknown filter value as a usage error', async () => {
    const { code, err } = await cli(['--dir', SAMPLE, '--today', TODAY, 'map', '--include', 'some']);
    assert.strictEqual(code, 2);
    assert.match(err, /--include must be open or all/);
  });
});
