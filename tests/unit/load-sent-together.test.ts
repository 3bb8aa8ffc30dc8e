// A batch's write statements are handed to the driver at once and their answers taken in order
// (src/load/loader.ts, sentTogether / settledInOrder, #41). A statement that fails on this side —
// a value the driver cannot pack — fails at once, before an earlier one is answered by the
// server: that failure is the batch's, and it must never be an unhandled rejection (which ends
// the process).
import { afterEach, describe, expect, it } from 'vitest';
import { settledInOrder } from '../../src/load/loader.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  unhandled.length = 0;
});

describe('statements sent together, answers taken in order', () => {
  it('a later statement failing before an earlier is answered: handled, thrown once all have settled', async () => {
    process.on('unhandledRejection', onUnhandled);
    const answered: number[] = [];
    const earlier = new Promise<number>((resolve) => setTimeout(() => resolve(1), 30));
    const later = Promise.reject(new Error('cannot pack a value of load-lines'));
    await expect(settledInOrder([earlier, later], (value) => answered.push(value))).rejects.toThrow('cannot pack');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
    expect(answered).toEqual([1]);
  });

  it('the first failure in order is the one thrown, and nothing after it is counted', async () => {
    const answered: number[] = [];
    const first = Promise.reject(new Error('first'));
    const second = Promise.reject(new Error('second'));
    await expect(settledInOrder([Promise.resolve(1), first, Promise.resolve(3), second], (value) => answered.push(value))).rejects.toThrow('first');
    expect(answered).toEqual([1]);
  });
});
