import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@/api/staffing-types';
import { fromRuleSet, rowKey, rowOfErrorPath, toRuleSet } from './ruleSetForm';

const harbin: RuleSet = {
  code: 'harbin_2016',
  name: '哈尔滨市2016年配备标准',
  rules: {
    township: {
      total: { min: 25, max: 35 },
      role_counts: { chair: { min: 1, max: 1 }, vice_chair: { min: 2, max: 2 }, executive: { min: 22, max: 32 } },
      forbidden_roles: [],
    },
    village_congress: {
      total: { min: 7, max: 13 },
      role_counts: { director: { min: 1, max: 1 }, member: { min: 4, max: null } },
      forbidden_roles: ['chair', 'vice_chair', 'executive'],
    },
  },
  seat_rules: [{ holder_body_type: 'village_congress', holder_role: 'director', seat_role: 'executive' }],
};

describe('rule-set form', () => {
  it('maps a set to the form and back to the same JSON', () => {
    const form = fromRuleSet(harbin);
    expect(form.bodies.map((b) => b.type)).toEqual(['township', 'village_congress']);
    expect(form.bodies[0].roles).toContainEqual({ role: 'executive', min: 22, max: 32 });
    expect(toRuleSet(form)).toEqual(harbin);
  });

  it('writes what the clerk changed, a missing maximum as null', () => {
    const form = fromRuleSet(harbin);
    form.bodies[0].roles[1].max = 3;
    form.bodies[1].totalMax = null;
    form.bodies[1].forbidden = ['chair'];
    form.name = '  新标准 ';
    const set = toRuleSet(form);
    expect(set.rules.township?.role_counts?.vice_chair).toEqual({ min: 2, max: 3 });
    expect(set.rules.village_congress?.total).toEqual({ min: 7, max: null });
    expect(set.rules.village_congress?.forbidden_roles).toEqual(['chair']);
    expect(set.name).toBe('新标准');
    expect(harbin.rules.township?.role_counts?.vice_chair?.max).toBe(2);
  });

  it('finds the row a server error path points at', () => {
    expect(rowOfErrorPath('rules.township.role_counts.vice_chair')).toBe(rowKey.role('township', 'vice_chair'));
    expect(rowOfErrorPath('rules.village_congress.role_counts')).toBe(rowKey.total('village_congress'));
    expect(rowOfErrorPath('rules.township.total.max')).toBe(rowKey.total('township'));
    expect(rowOfErrorPath('rules.township.forbidden_roles.chair')).toBe(rowKey.forbidden('township'));
    expect(rowOfErrorPath('rules.hamlet.body_type')).toBe(rowKey.body('hamlet'));
    expect(rowOfErrorPath('seat_rules.0.holder_role')).toBe(rowKey.seat(0));
    expect(rowOfErrorPath('code')).toBe(rowKey.field('code'));
    expect(rowOfErrorPath(null)).toBeNull();
    expect(rowOfErrorPath('unrelated')).toBeNull();
  });
});
