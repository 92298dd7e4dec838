import { describe, expect, it } from 'vitest';
import { steps } from '@/api/nominations';
import { actionsOf, timelineOf, emptyNominationForm, needsNominatedBy, nominatedByLabelKey, nominationBody, nominationRules, nominationsQuery, stepTagType, nominationOfPerson } from './nominations';

const t = (key: string) => key;

describe('nominations', () => {
  it('asks who nominated her only for residents and a work unit', () => {
    expect(needsNominatedBy('residents')).toBe(true);
    expect(needsNominatedBy('unit')).toBe(true);
    expect(needsNominatedBy('self')).toBe(false);
    expect(needsNominatedBy('direct')).toBe(false);
    expect(needsNominatedBy('')).toBe(false);
    expect(nominatedByLabelKey('unit')).toBe('nomination.nominatedByUnit');
    expect(nominatedByLabelKey('residents')).toBe('nomination.nominatedByResident');
    expect(nominationRules(t, '2026-12-01', 'unit').nominated_by).toBeDefined();
    expect(nominationRules(t, '2026-12-01', 'self').nominated_by).toBeUndefined();
  });

  it('gives every step a tag type', () => {
    for (const s of steps) expect(stepTagType(s)).toMatch(/^(primary|success|warning|info|danger)$/);
    expect(stepTagType('nominated')).toBe('primary');
    expect(stepTagType('failed')).toBe('danger');
    expect(stepTagType('withdrawn')).toBe('info');
    expect(stepTagType('filed')).toBe('success');
  });

  it('offers the staff actions the server lists, in the procedure order', () => {
    expect(actionsOf(['withdraw', 'assess'])).toEqual(['assess', 'withdraw']);
    expect(actionsOf(['confirm', 'withdraw'])).toEqual(['withdraw']);
    expect(actionsOf([])).toEqual([]);
  });

  it('starts the timeline with the nomination itself', () => {
    const step = { id: 4, event: 'assess', from_step: 'nominated' as const, to_step: 'assessed' as const, to_step_label: '', passed: true, manner: null, note: null, done_by: 'b', done_at: '2026-12-02T00:00:00Z' };
    const line = timelineOf({ created_at: '2026-12-01T00:00:00Z', created_by: 'a', steps: [step] });
    expect(line.map((s) => [s.event, s.to_step, s.done_by])).toEqual([
      ['create', 'nominated', 'a'],
      ['assess', 'assessed', 'b'],
    ]);
  });

  it('sends a trimmed body, dropping nominated_by for self and direct', () => {
    const f = { ...emptyNominationForm(5), role: 'member', channel: 'self' as const, nominated_by: 'x', name: ' A ', id_number: '23010219900101123x', mobile: '138 0000 1111', statement: '  ' };
    expect(nominationBody(f)).toEqual({
      organisation_id: 5,
      role: 'member',
      channel: 'self',
      nominated_by: undefined,
      name: 'A',
      id_number: '23010219900101123X',
      mobile: '13800001111',
      statement: undefined,
    });
    expect(nominationBody({ ...f, channel: 'unit', nominated_by: ' Unit ' }).nominated_by).toBe('Unit');
  });

  it('puts only set filters in the query', () => {
    expect(nominationsQuery({ organisation: null, step: '', page: 2 }, 20)).toEqual({ organisation_id: undefined, step: undefined, page: 2, page_size: 20 });
    expect(nominationsQuery({ organisation: 3, step: 'assessed', page: 1 }, 20)).toMatchObject({ organisation_id: 3, step: 'assessed' });
  });

  it('nominates a registered woman by her record: no name, ID number or mobile sent', () => {
    const f = { ...emptyNominationForm(5), role: 'executive', channel: 'unit' as const, nominated_by: ' 镇中心小学 ', name: 'x', id_number: 'y', mobile: 'z', statement: '' };
    expect(nominationOfPerson(f, 42)).toEqual({ organisation_id: 5, role: 'executive', channel: 'unit', nominated_by: '镇中心小学', person_id: 42, statement: undefined });
  });
});
