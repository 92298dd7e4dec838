import { describe, expect, it } from 'vitest';
import type { ScoreItem, ScoreLine } from '@/api/scores';
import {
  blankRow,
  checkScheme,
  fieldTarget,
  isScoreSort,
  maxSchemeItems,
  moveRow,
  pointsText,
  rowsOf,
  schemeFieldNames,
  schemeInput,
  schemeSum,
  sortScores,
  type SchemeRow,
} from './scores';

const row = (patch: Partial<SchemeRow>): SchemeRow => ({ ...blankRow(), ...patch });

/** The demo's 2016 scheme, as the editor holds it. */
const demo: SchemeRow[] = [
  row({ measure: 'compliance', weight: 40, on: '2016-08-31', label: '组织建设达标' }),
  row({ measure: 'timeliness', weight: 10, milestone_id: 1, per_day_penalty: 10 }),
  row({ measure: 'spot_check', weight: 15 }),
  row({ measure: 'accepted', weight: 15, milestone_id: 8 }),
];

describe('the scheme editor', () => {
  it('sums the weights typed so far (an empty weight counts 0)', () => {
    expect(schemeSum(demo)).toBe(80);
    expect(schemeSum([...demo, row({ weight: null })])).toBe(80);
    expect(schemeSum([])).toBe(0);
  });

  it('finds nothing wrong with a complete scheme', () => {
    expect(checkScheme(demo)).toEqual({ rows: [{}, {}, {}, {}], scheme: null, ok: true });
  });

  it.each([
    [{ measure: 'spot_check', weight: null }, { weight: 'weightRequired' }],
    [{ measure: 'spot_check', weight: 101 }, { weight: 'weightRange' }],
    [{ measure: 'spot_check', weight: -1 }, { weight: 'weightRange' }],
    [{ measure: 'spot_check', weight: 2.5 }, { weight: 'weightRange' }],
    [{ measure: 'compliance', weight: 5, on: '' }, { on: 'onRequired' }],
    [{ measure: 'timeliness', weight: 5, milestone_id: null }, { milestone_id: 'milestoneRequired' }],
    [{ measure: 'accepted', weight: 5, milestone_id: null }, { milestone_id: 'milestoneRequired' }],
    [{ measure: 'timeliness', weight: 5, milestone_id: 2, per_day_penalty: 150 }, { per_day_penalty: 'penaltyRange' }],
    [{ measure: 'spot_check', weight: 5, label: 'x'.repeat(201) }, { label: 'labelTooLong' }],
    [{ measure: 'spot_check', weight: 0 }, {}],
  ] as const)('a row %o has the problems %o', (patch, problems) => {
    const check = checkScheme([demo[0], row(patch as Partial<SchemeRow>)]);
    expect(check.rows[1]).toEqual(problems);
    expect(check.ok).toBe(Object.keys(problems).length === 0);
  });

  it('needs one item at least, twenty at most, and points above nothing', () => {
    expect(checkScheme([]).scheme).toBe('empty');
    expect(checkScheme(Array.from({ length: maxSchemeItems + 1 }, () => row({ measure: 'spot_check', weight: 1 }))).scheme).toBe('tooMany');
    expect(checkScheme(Array.from({ length: maxSchemeItems }, () => row({ measure: 'spot_check', weight: 1 }))).scheme).toBeNull();
    expect(checkScheme([row({ measure: 'spot_check', weight: 0 })]).scheme).toBe('sumZero');
    // a missing weight is said on its row, not as a zero sum
    expect(checkScheme([row({ measure: 'spot_check', weight: null })]).scheme).toBeNull();
  });

  it('sends each item with the fields its measure uses, an empty label left to the server', () => {
    const stray = row({ measure: 'spot_check', weight: 15, on: '2016-08-31', milestone_id: 3, per_day_penalty: 5, label: '  ' });
    expect(schemeInput([...demo, stray])).toEqual([
      { measure: 'compliance', weight: 40, label: '组织建设达标', on: '2016-08-31' },
      { measure: 'timeliness', weight: 10, milestone_id: 1, per_day_penalty: 10 },
      { measure: 'spot_check', weight: 15 },
      { measure: 'accepted', weight: 15, milestone_id: 8 },
      { measure: 'spot_check', weight: 15 },
    ]);
  });

  it('takes the stored scheme as rows (a timeliness item without a penalty gets the default 10%)', () => {
    const stored: ScoreItem[] = [
      { id: 1, measure: 'compliance', measure_label: '组织建设达标', label: '组织建设达标', weight: 40, milestone_id: null, milestone_title: null, on: '2016-08-31', per_day_penalty: null },
      { id: 2, measure: 'timeliness', measure_label: '按时报送', label: '表一按时报送', weight: 10, milestone_id: 1, milestone_title: '附表1', on: null, per_day_penalty: null },
    ];
    const rows = rowsOf(stored);
    expect(rows.map(({ key: _key, ...r }) => r)).toEqual([
      { measure: 'compliance', label: '组织建设达标', weight: 40, milestone_id: null, on: '2016-08-31', per_day_penalty: null },
      { measure: 'timeliness', label: '表一按时报送', weight: 10, milestone_id: 1, on: '', per_day_penalty: 10 },
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });

  it('moves a row up and down, and not past either end', () => {
    expect(moveRow(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['items[2].weight', { index: 2, field: 'weight' }],
    ['items[0].milestone_id', { index: 0, field: 'milestone_id' }],
    ['items[12].on', { index: 12, field: 'on' }],
    ['items', 'scheme'],
    ['items[1].colour', null],
    ['weight', null],
  ] as const)('puts the server error on %s at %o', (field, target) => {
    expect(fieldTarget(field)).toEqual(target);
  });

  it('leaves every field of every row to the editor', () => {
    const names = schemeFieldNames();
    expect(names).toContain('items');
    expect(names).toContain('items[0].weight');
    expect(names).toContain('items[19].per_day_penalty');
    expect(names).not.toContain('items[20].weight');
  });
});

const line = (id: number, name: string, rank: number, total: number, parts: [number, number][]): ScoreLine => ({
  rank,
  organisation_id: id,
  organisation_name: name,
  total,
  parts: parts.map(([item, points]) => ({ score_item_id: item, points, detail: '' })),
});
const ranking = [line(2, '道里区妇联', 1, 90, [[1, 40], [2, 50]]), line(3, '南岗区妇联', 2, 80, [[1, 30], [2, 50]]), line(4, '道外区妇联', 2, 80, [[1, 35], [2, 45]])];

describe('the ranking', () => {
  it.each([
    ['', '', [2, 3, 4]],
    ['rank', 'desc', [3, 4, 2]],
    ['total', 'asc', [3, 4, 2]],
    ['item-1', 'desc', [2, 4, 3]],
    ['item-2', 'asc', [4, 2, 3]],
    ['item-9', 'asc', [2, 3, 4]],
    ['colour', 'asc', [2, 3, 4]],
  ] as const)('sorts by %s %s (stable; the server order without a sort)', (sort, order, ids) => {
    expect(sortScores(ranking, sort, order).map((l) => l.organisation_id)).toEqual(ids);
  });

  it('sorts by name', () => {
    expect(sortScores(ranking, 'name', 'asc').map((l) => l.organisation_name)).toEqual([...ranking.map((l) => l.organisation_name)].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('knows its sorts', () => {
    expect(['rank', 'name', 'total', 'item-12'].every(isScoreSort)).toBe(true);
    expect(['item-', 'points', ''].some(isScoreSort)).toBe(false);
  });

  it('shows points to one decimal, without a trailing .0', () => {
    expect([40, 37.5, 33.33, 0, 9.96].map(pointsText)).toEqual(['40', '37.5', '33.3', '0', '10']);
  });
});
