// "Today" for the extension: the local calendar date, or COACHING_TODAY when tests fix it.
import * as assert from 'assert';
import { msUntilTomorrow, today, TODAY_ENV } from '../../src/platform/today';

describe('Today', () => {
  const saved = process.env[TODAY_ENV];
  afterEach(() => {
    if (saved === undefined) {
      delete process.env[TODAY_ENV];
    } else {
      process.env[TODAY_ENV] = saved;
    }
  });

  it('is the local calendar date, not the UTC one', () => {
    delete process.env[TODAY_ENV];
    const lateEvening = new Date(2026, 10, 24, 23, 30); // local time
    assert.strictEqual(today(lateEvening), '2026-11-24');
  });

  it('is fixed by COACHING_TODAY, read on every call', () => {
    process.env[TODAY_ENV] = '2026-11-24';
    assert.strictEqual(today(new Date(2030, 0, 1)), '2026-11-24');
    process.env[TODAY_ENV] = '2026-12-03';
    assert.strictEqual(today(new Date(2030, 0, 1)), '2026-12-03');
  });

  it('ignores a COACHING_TODAY that is not a calendar date', () => {
    process.env[TODAY_ENV] = '2026-02-30';
    assert.strictEqual(today(new Date(2026, 0, 5, 12)), '2026-01-05');
  });

  it('knows how long until the date changes', () => {
    const ms = msUntilTomorrow(new Date(2026, 10, 24, 23, 0, 0));
    assert.ok(ms > 59 * 60_000 && ms <= 60 * 60_000 + 1000, String(ms));
  });
});
