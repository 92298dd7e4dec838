import { describe, expect, it } from 'vitest';
import type { Position } from '@/api/types';
import { correctionBody, correctionForm } from './correction';

const ended: Position = {
  id: 5, person_id: 7, person_name: '王秀兰', organisation_id: 40, organisation_name: '红星村妇代会', role: 'member', role_label: '委员',
  manner: 'part_time', manner_label: '兼职', source: null, source_label: null, start_on: '2016-08-01', end_on: '2026-11-30',
  end_reason: '误操作', notes: null, current: false,
};

describe('correcting a position', () => {
  it('sends nothing when nothing but the reason was typed', () => {
    expect(correctionBody(ended, { ...correctionForm(ended), reason: '核对' })).toBeNull();
  });

  it('undoes an end: end date and reason cleared', () => {
    const form = { ...correctionForm(ended), ended: false, reason: '误点了结束任职' };
    expect(correctionBody(ended, form)).toEqual({ reason: '误点了结束任职', end_on: null, end_reason: null });
  });

  it('sends only the fields that changed, blanks as null', () => {
    const form = { ...correctionForm(ended), role: 'deputy_director', start_on: '2016-07-01', source: 'unit', notes: '  ', reason: ' 录入错误 ' };
    expect(correctionBody(ended, form)).toEqual({ reason: '录入错误', role: 'deputy_director', start_on: '2016-07-01', source: 'unit' });
  });
});
