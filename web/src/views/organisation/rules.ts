// Checks of the organisation forms, matching server/src/domain/organisation.cpp.
import type { FormRules } from 'element-plus';
import { asRule, isBlank, maxLength, required, requiredDate, type Check, type Translate } from '@/domain/form-rules';

export const checkDivisionCode: Check<string | null | undefined> = (value) =>
  isBlank(value) || /^(\d{6}|\d{12})$/.test((value ?? '').trim()) ? null : { key: 'rules.divisionCode' };

export function organisationRules(translate: Translate): FormRules {
  const name = required('organisation.name', translate);
  const length = maxLength(60);
  return {
    type: [asRule(required('organisation.type', translate), translate, 'change')],
    name: [asRule((v: string | null | undefined) => name(v) ?? length(v), translate)],
    division_code: [asRule(checkDivisionCode, translate)],
  };
}

export function dateRules(field: string, translate: Translate): FormRules {
  return { [field]: [asRule(requiredDate, translate, 'change')] };
}

/** `byIdNumber`: the person is named by her ID number (registered outside the subtree), not chosen. */
export function appointRules(translate: Translate, byIdNumber: () => boolean = () => false): FormRules {
  return {
    person_id: [asRule((v: number | null) => (v === null && !byIdNumber() ? { key: 'rules.required', params: { field: translate('position.person') } } : null), translate, 'change')],
    role: [asRule(required('position.role', translate), translate, 'change')],
    manner: [asRule(required('position.manner', translate), translate, 'change')],
    start_on: [asRule(requiredDate, translate, 'change')],
  };
}

export function endRules(translate: Translate): FormRules {
  return {
    end_on: [asRule(requiredDate, translate, 'change')],
    end_reason: [asRule(required('position.endReason', translate), translate), asRule(maxLength(200), translate)],
  };
}
