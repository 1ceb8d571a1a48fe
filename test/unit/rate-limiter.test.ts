import { RateLimiter } from '../../src/access/rate-limiter';

describe('RateLimiter', () => {
  it('allows up to the limit per person within the window, then refuses until it slides', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('priya'))).toEqual([true, true, true, false]);
    expect(limiter.take('hana')).toBe(true);
    now = 59_999;
    expect(limiter.take('priya')).toBe(false);
    now = 60_001;
    expect(limiter.take('priya')).toBe(true);
  });
});
