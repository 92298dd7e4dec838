import { describe, expect, it } from 'vitest';
import { summariseRoster } from './rosterSummary';
import type { DictionaryEntry, RosterEntry } from '@/api/types';

function role(code: string, label: string, sort_order: number): DictionaryEntry {
  return { code, label, label_en: code, short_label: null, sort_order, active: true, body_types: null };
}

function entry(position_id: number, role: string, role_label: string): RosterEntry {
  return {
    position_id, person_id: position_id, name: `P${position_id}`, sex: 'female', birth_date: '1980-01-01', age: 46,
    ethnicity: '01', political_status: '13', education: '20', work_unit: null, job_title: null, mobile_masked: null,
    role, role_label, manner: 'part_time', manner_label: '兼职', source: null, source_label: null,
    start_on: '2016-08-01', end_on: null,
  };
}

const roles = [role('chair', '主席', 1), role('vice_chair', '副主席', 2), role('executive', '执委', 3)];

describe('summariseRoster', () => {
  it('counts by role in dictionary order with a total', () => {
    const entries = [
      entry(1, 'executive', '执委'), entry(2, 'vice_chair', '副主席'), entry(3, 'chair', '主席'),
      entry(4, 'executive', '执委'), entry(5, 'vice_chair', '副主席'),
    ];
    expect(summariseRoster(entries, roles, (r) => r.label)).toEqual({
      roles: [
        { role: 'chair', label: '主席', count: 1 },
        { role: 'vice_chair', label: '副主席', count: 2 },
        { role: 'executive', label: '执委', count: 2 },
      ],
      total: 5,
    });
  });

  it('uses the chosen language and keeps unknown roles last', () => {
    const entries = [entry(1, 'mystery', '神秘'), entry(2, 'chair', '主席')];
    const s = summariseRoster(entries, roles, (r) => r.label_en);
    expect(s.roles.map((r) => r.label)).toEqual(['chair', '神秘']);
    expect(s.total).toBe(2);
  });

  it('is empty for an empty roster', () => {
    expect(summariseRoster([], roles, (r) => r.label)).toEqual({ roles: [], total: 0 });
  });
});
