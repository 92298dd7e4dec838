import { describe, expect, it } from 'vitest';
import { todayIso } from './dates';

describe('todayIso', () => {
  it.each([
    ['2026-11-30T15:59:59Z', '2026-11-30'], // 23:59:59 in Beijing
    ['2026-11-30T16:00:00Z', '2026-12-01'], // midnight in Beijing: the server's new day
    ['2026-12-31T17:27:00Z', '2027-01-01'],
    ['2016-02-28T16:30:00Z', '2016-02-29'],
  ])('at %s it is %s in China', (instant, day) => {
    expect(todayIso(new Date(instant))).toBe(day);
  });
});
