import { RateLimiter } from '../../src/access/rate-limiter';

describe('RateLimiter', () => {
  it('allows up to the limit per person within the window, then refuses until it slides', async () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 }, 'reads', undefined, () => now);
    const taken: boolean[] = [];
    for (let index = 0; index < 4; index++) taken.push(await limiter.take('priya'));
    expect(taken).toEqual([true, true, true, false]);
    expect(await limiter.take('hana')).toBe(true);
    now = 59_999;
    expect(await limiter.take('PRIYA')).toBe(false);
    now = 60_001;
    expect(await limiter.take('priya')).toBe(true);
  });
});
