import { describe, expect, it } from 'vitest';
import { daysAfter, todayIso } from './dates';

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

describe('daysAfter', () => {
  it('disables the days after the last one offered, not the day itself', () => {
    const disabled = daysAfter('2026-12-01');
    expect(disabled(new Date(2026, 11, 1))).toBe(false);
    expect(disabled(new Date(2026, 11, 2))).toBe(true);
    expect(disabled(new Date(2000, 0, 1))).toBe(false);
  });
});
