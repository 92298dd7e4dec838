import { describe, expect, it } from 'vitest';
import type { Composition } from '@/api/staffing-types';
import type { Finding } from '@/api/staffing-types';
import { boundsText, compositionLines, countStatus, findingAdvice, findingMessage, roleCapacity, statusTagType } from './staffing';

describe('composition colouring', () => {
  it('is green within the bounds, amber below, red above', () => {
    expect(countStatus(18, 22, 32)).toBe('short');
    expect(countStatus(22, 22, 32)).toBe('meets');
    expect(countStatus(33, 22, 32)).toBe('over');
    expect(countStatus(1, 1, 1)).toBe('meets');
    expect(countStatus(5, 4, null)).toBe('meets');
    expect(countStatus(3, 0, null)).toBe('free');
    expect(statusTagType('short')).toBe('warning');
    expect(statusTagType('over')).toBe('danger');
    expect(statusTagType('meets')).toBe('success');
  });

  it('writes bounds as the rule sets do', () => {
    expect(boundsText(22, 32)).toBe('22–32');
    expect(boundsText(1, 1)).toBe('1');
    expect(boundsText(4, null)).toBe('≥ 4');
    expect(boundsText(null, null)).toBe('—');
  });

  it('lists the total, the counted roles and any forbidden role held (red)', () => {
    const c: Composition = {
      organisation_id: 1, on: '2016-09-20', status: 'over', rule_set: { code: 'harbin_2016', version: 1, name: 'H' },
      total: { actual: 21, min: 25, max: 35 },
      roles: [
        { role: 'chair', role_label: '主席', actual: 1, min: 1, max: 1 },
        { role: 'executive', role_label: '执委', actual: 18, min: 22, max: 32 },
      ],
      forbidden_roles: [{ role: 'member', role_label: '委员', actual: 2 }, { role: 'director', role_label: '主任', actual: 0 }],
      findings: [],
    };
    expect(compositionLines(c, '合计').map((l) => [l.key, l.actual, l.bounds, l.status])).toEqual([
      ['total', 21, '25–35', 'short'],
      ['role:chair', 1, '1', 'meets'],
      ['role:executive', 18, '22–32', 'short'],
      ['forbidden:member', 2, '0', 'over'],
    ]);
  });

  it('names the person of a seat finding', () => {
    const seat: Finding = {
      organisation_id: 40, kind: 'seat', severity: 'warning', rule_set: { code: 'harbin_2016', version: 1 }, rule: 'seat_rules.0',
      role: 'executive', role_label: '执委', expected_min: null, expected_max: null, actual: null, person_id: 48023,
      person_name: '王秀兰', occupant_id: null, occupant_name: null,
      message: '村妇代会主任（人员 48023）未担任上级组织执委', message_en: 'director (person 48023) lacks her seat',
    };
    expect(findingMessage(seat, 'zh-CN')).toBe('村妇代会主任（人员 48023）未担任上级组织执委 — 王秀兰');
    expect(findingMessage({ ...seat, message: '王秀兰未担任执委' }, 'zh-CN')).toBe('王秀兰未担任执委');
    expect(findingMessage(seat, 'en')).toBe('director (person 48023) lacks her seat — 王秀兰');
  });
});

describe('plain findings and role capacity', () => {
  const base: Finding = {
    organisation_id: 9, kind: 'role_count', severity: 'error', rule_set: { code: 'harbin_2016', version: 1 },
    rule: 'rules.village_congress.role_counts.deputy_director', role: 'deputy_director', role_label: '副主任',
    expected_min: 2, expected_max: 2, actual: 3, person_id: null, person_name: null, occupant_id: null, occupant_name: null,
    message: '副主任 3 人，应为 2 人', message_en: '3 deputy_director, expected 2',
    advice: '请先结束一名副主任的任职，再任命新的副主任', advice_en: 'End one deputy director first',
  };

  it('never shows a role code in English', () => {
    expect(findingMessage(base, 'en', (code) => (code === 'deputy_director' ? 'deputy directors' : null))).toBe('3 deputy directors, expected 2');
    expect(findingMessage(base, 'zh-CN', () => 'x')).toBe('副主任 3 人，应为 2 人');
  });

  it('gives the advice in the language shown, or none', () => {
    expect(findingAdvice(base, 'zh-CN')).toBe('请先结束一名副主任的任职，再任命新的副主任');
    expect(findingAdvice(base, 'en')).toBe('End one deputy director first');
    expect(findingAdvice({ ...base, advice: undefined, advice_en: undefined }, 'en')).toBeNull();
  });

  it('tells which roles are full before she submits', () => {
    const c: Composition = {
      organisation_id: 1, on: '2026-11-30', status: 'short', rule_set: { code: 'harbin_2016', version: 1 },
      total: { actual: 8, min: 7, max: 13 },
      roles: [
        { role: 'director', role_label: '主任', actual: 1, min: 1, max: 1 },
        { role: 'deputy_director', role_label: '副主任', actual: 1, min: 2, max: 2 },
        { role: 'member', role_label: '委员', actual: 6, min: 4, max: null },
      ],
      forbidden_roles: [{ role: 'executive', role_label: '执委', actual: 0 }],
      findings: [],
    };
    expect(roleCapacity(c, 'director')).toEqual({ actual: 1, max: 1, full: true, forbidden: false });
    expect(roleCapacity(c, 'deputy_director')?.full).toBe(false);
    expect(roleCapacity(c, 'member')).toEqual({ actual: 6, max: null, full: false, forbidden: false });
    expect(roleCapacity(c, 'executive')).toMatchObject({ full: true, forbidden: true });
    expect(roleCapacity({ ...c, total: { actual: 13, min: 7, max: 13 } }, 'member')?.full).toBe(true);
    expect(roleCapacity({ ...c, rule_set: null }, 'member')).toBeNull();
  });
});
