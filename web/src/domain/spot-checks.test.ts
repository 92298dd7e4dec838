import { describe, expect, it } from 'vitest';
import type { SpotCheckItem } from '@/api/spot-checks';
import { drawProblems, findingForm, findingProblems, findingTone, isDistrictLevel, type DrawForm, type FindingForm } from './spot-checks';

describe('drawing a sample', () => {
  const base: DrawForm = { organisation_id: 2, sample_size: 10, seed: '' };

  it.each([
    [{}, {}],
    [{ seed: '12345' }, {}],
    [{ seed: ' 42 ' }, {}],
    [{ seed: '18446744073709551615' }, {}],
    [{ seed: '18446744073709551616' }, { seed: 'seedTooLarge' }],
    [{ seed: '-1' }, { seed: 'seedDigits' }],
    [{ seed: '1e5' }, { seed: 'seedDigits' }],
    [{ organisation_id: null }, { organisation_id: 'districtRequired' }],
    [{ sample_size: null }, { sample_size: 'sizeRange' }],
    [{ sample_size: 0 }, { sample_size: 'sizeRange' }],
    [{ sample_size: 501 }, { sample_size: 'sizeRange' }],
    [{ sample_size: 500 }, {}],
  ] as const)('with %o has the problems %o', (patch, problems) => {
    expect(drawProblems({ ...base, ...patch } as DrawForm)).toEqual(problems);
  });

  it('samples the district-level bodies only', () => {
    expect(['district', 'county', 'county_city'].every(isDistrictLevel)).toBe(true);
    expect(['city', 'street', 'township', 'community'].some(isDistrictLevel)).toBe(false);
  });
});

describe('a finding', () => {
  const today = '2016-10-10';
  const base: FindingForm = { finding: 'confirmed', differences: '', notes: '', checked_on: '2016-10-09' };

  it.each([
    [{}, {}],
    [{ finding: null }, { finding: 'findingRequired' }],
    [{ finding: 'differences' }, { differences: 'differencesRequired' }],
    [{ finding: 'differences', differences: '  ' }, { differences: 'differencesRequired' }],
    [{ finding: 'differences', differences: '少2名执委' }, {}],
    [{ checked_on: '' }, { checked_on: 'checkedOnRequired' }],
    [{ checked_on: today }, {}],
    [{ checked_on: '2016-10-11' }, { checked_on: 'checkedOnFuture' }],
  ] as const)('with %o has the problems %o', (patch, problems) => {
    expect(findingProblems({ ...base, ...patch } as FindingForm, today)).toEqual(problems);
  });

  it('opens empty, dated today, for a body not yet visited, and as recorded otherwise', () => {
    const item: SpotCheckItem = {
      organisation_id: 11,
      organisation_name: '新阳路街道妇联',
      type: 'street',
      type_label: '街道妇联',
      stratum: 'township',
      finding: null,
      differences: null,
      notes: null,
      checked_on: null,
      checked_by: null,
    };
    expect(findingForm(item, today)).toEqual({ finding: null, differences: '', notes: '', checked_on: today });
    expect(findingForm({ ...item, finding: 'differences', differences: '少2人', checked_on: '2016-10-01' }, today)).toEqual({
      finding: 'differences',
      differences: '少2人',
      notes: '',
      checked_on: '2016-10-01',
    });
    expect(findingTone('confirmed')).toBe('success');
    expect(findingTone('differences')).toBe('danger');
  });
});
