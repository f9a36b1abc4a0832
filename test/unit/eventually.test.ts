// The polling check the integration and e2e layers use for anything that updates asynchronously.
import * as assert from 'assert';
import { eventually, eventuallyEqual } from '../shared/eventually';

describe('eventually (polling assertions for UI state)', () => {
  it('returns as soon as the value passes, after earlier reads failed', async () => {
    let reads = 0;
    const value = await eventuallyEqual('the counter', () => ++reads, 3, { intervalMs: 1 });
    assert.strictEqual(value, 3);
    assert.strictEqual(reads, 3);
  });

  it('treats a read that throws, and a check that returns false, as "not yet"', async () => {
    let reads = 0;
    const value = await eventually(
      'the flaky read',
      () => {
        reads++;
        if (reads < 3) {
          throw new Error('not rendered');
        }
        return reads;
      },
      (v) => v >= 4,
      { intervalMs: 1 },
    );
    assert.strictEqual(value, 4);
  });

  it('on time-out names what it waited for, the last value seen and the assertion', async () => {
    await assert.rejects(
      eventuallyEqual('the badge', () => '', '1', { timeoutMs: 30, intervalMs: 5 }),
      (error: Error) => {
        assert.match(error.message, /^the badge: still not so after 0.03s; last seen: ""/);
        assert.match(error.message, /Expected values to be strictly deep-equal/);
        return true;
      },
    );
  });
});
