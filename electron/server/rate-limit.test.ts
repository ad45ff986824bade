import { expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

it('allows a burst, then refills at the configured rate, per client', () => {
  let now = 0;
  const limiter = new RateLimiter(2, 3, () => now);
  expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([0, 0, 0, 1]);
  expect(limiter.take('b')).toBe(0);
  now = 499; // 0.998 tokens refilled: still not one whole token
  expect(limiter.take('a')).toBe(1);
  now = 1000;
  expect(limiter.take('a')).toBe(0);
  now = 60_000; // long idle: back to a full burst, never more
  expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([0, 0, 0, 1]);
});
