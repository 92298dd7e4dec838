import { describe, expect, it } from 'vitest';
import type { BodyType } from '@/api/types';
import {
  checkChangeDate,
  checkOptionalChangeDate,
  clashingNames,
  conversionOf,
  conversionRenamesRoles,
  mergeTargetTypes,
  periodOf,
  readMergeNotice,
  restructuringsOf,
} from './restructuring';

describe('conversionOf', () => {
  it.each<[BodyType, BodyType | null]>([
    ['village_congress', 'village'],
    ['village', 'community'],
    ['community', null],
    ['township', null],
    ['street', null],
    ['district', null],
    ['city', null],
  ])('%s becomes %s', (from, to) => {
    expect(conversionOf(from)).toBe(to);
  });

  it('renames the roles only when a 妇代会 becomes a 妇联', () => {
    expect(conversionRenamesRoles('village_congress')).toBe(true);
    expect(conversionRenamesRoles('village')).toBe(false);
  });
});

describe('mergeTargetTypes', () => {
  it.each<[BodyType, BodyType[]]>([
    ['township', ['street', 'township']],
    ['street', ['street', 'township']],
    ['village_congress', ['community', 'village', 'village_congress']],
    ['community', ['community', 'village', 'village_congress']],
    ['county', ['district', 'county', 'county_city']],
    ['city', []],
  ])('a %s merges into %j', (type, targets) => {
    expect(mergeTargetTypes(type)).toEqual(targets);
  });
});

describe('restructuringsOf', () => {
  const township = { type: 'township' as BodyType, open: true, parent_id: 2 };

  it('offers rename and merge for an open township, no conversion', () => {
    expect(restructuringsOf(township, true)).toEqual({ rename: true, convertTo: null, merge: true });
  });
  it('offers the conversion of a 村妇代会 to a 村妇联', () => {
    expect(restructuringsOf({ ...township, type: 'village_congress' }, true).convertTo).toBe('village');
  });
  it('offers nothing for a closed body', () => {
    expect(restructuringsOf({ type: 'village', open: false, parent_id: 9 }, true)).toEqual({ rename: false, convertTo: null, merge: false });
  });
  it('does not merge her own organisation away (it would close it) nor the root', () => {
    expect(restructuringsOf(township, false).merge).toBe(false);
    expect(restructuringsOf({ type: 'city', open: true, parent_id: null }, true).merge).toBe(false);
  });
});

describe('the day of a change', () => {
  const today = '2026-12-01';

  it.each<[string | null, string | null]>([
    ['', 'rules.required_date'],
    [null, 'rules.required_date'],
    ['2026-12-02', 'restructure.dateInFuture'],
    ['2026-12-01', null],
    ['2016-09-20', null],
  ])('a dated change on %j: %s', (value, key) => {
    expect(checkChangeDate(today)(value)?.key ?? null).toBe(key);
  });

  it('a move may leave it empty (a correction), but not date it after today', () => {
    expect(checkOptionalChangeDate(today)('')).toBeNull();
    expect(checkOptionalChangeDate(today)('2027-01-01')).toEqual({ key: 'restructure.dateInFuture', params: { today } });
  });
});

describe('periodOf', () => {
  it.each([
    [null, null, 'restructure.history.always'],
    [null, '2020-01-01', 'restructure.history.before'],
    ['2020-01-01', null, 'restructure.history.since'],
    ['2019-01-01', '2020-01-01', 'restructure.history.between'],
  ])('from %s to %s', (from, to, key) => {
    const period = periodOf({ valid_from: from, valid_to: to });
    expect(period.key).toBe(key);
    if (from) expect(period.params?.from).toBe(from);
    if (to) expect(period.params?.to).toBe(to);
  });
});

describe('readMergeNotice', () => {
  const merged = { from: '万发镇妇联', into: '三站镇妇联', on: '2021-05-01', moved_children: 9, moved_members: 34, ended_positions: 34 };

  it('reads the notice a merge left in the history state', () => {
    expect(readMergeNotice({ back: '/organisations/9', merged })).toEqual(merged);
  });
  it('ignores a state without one, or a broken one', () => {
    expect(readMergeNotice(null)).toBeNull();
    expect(readMergeNotice({ back: null })).toBeNull();
    expect(readMergeNotice({ merged: { ...merged, moved_children: '9' } })).toBeNull();
  });
});

describe('clashingNames', () => {
  it('names the open children that share a name with an open child of the target', () => {
    const mine = [{ name: '永安村妇代会', open: true }, { name: '永发村妇代会', open: true }, { name: '红星村妇代会', open: false }];
    const theirs = [{ name: '永安村妇代会', open: true }, { name: '红星村妇代会', open: true }, { name: '永发村妇代会', open: false }];
    expect(clashingNames(mine, theirs)).toEqual(['永安村妇代会']);
    expect(clashingNames(mine, [])).toEqual([]);
  });
});
