import { describe, expect, it } from 'vitest';
import { toApiError } from '@/api/errors';
import { useStaffingRefusal } from './useStaffingRefusal';

const finding = {
  organisation_id: 9, kind: 'role_count', severity: 'error', rule_set: { code: 'harbin_2016', version: 1 },
  rule: 'rules.township.role_counts.executive', role: 'executive', role_label: '执委', expected_min: 22, expected_max: 32,
  actual: 33, person_id: null, person_name: null, occupant_id: null, occupant_name: null,
  message: '执委 33 人，应为 22–32 人', message_en: '33 executive, expected 22–32',
};
const refusal = toApiError(409, {
  error: { code: 'staffing_rule_broken', field: finding.rule, message: '违反配备标准', message_en: 'breaks the rules', findings: [finding] },
});

describe('a refused appointment', () => {
  it('keeps the findings of a staffing refusal and ignores other errors', () => {
    const r = useStaffingRefusal(() => true);
    expect(r.capture(toApiError(409, null))).toBe(false);
    expect(r.refused.value).toBe(false);
    expect(r.capture(refusal)).toBe(true);
    expect(r.findings.value[0].message).toBe('执委 33 人，应为 22–32 人');
  });

  it('resends with the reason only when an administrator chose to override', () => {
    const r = useStaffingRefusal(() => true);
    expect(r.extra()).toEqual({});
    r.capture(refusal);
    r.overriding.value = true;
    expect(r.reasonMissing.value).toBe(true);
    r.reason.value = '  换届过渡期  ';
    expect(r.reasonMissing.value).toBe(false);
    expect(r.extra()).toEqual({ override_reason: '换届过渡期' });
    r.reset();
    expect(r.extra()).toEqual({});
    expect(r.refused.value).toBe(false);
  });

  it('never sends a reason for an operator', () => {
    const r = useStaffingRefusal(() => false);
    r.capture(refusal);
    r.overriding.value = true;
    r.reason.value = 'x';
    expect(r.extra()).toEqual({});
  });
});
