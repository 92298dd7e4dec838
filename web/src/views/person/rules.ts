// The person form's checks, the same the server applies (see docs/api-contract.md).
import type { FormRules } from 'element-plus';
import { parseIdNumber } from '@/domain/id-number';
import { asRule, isBlank, maxLength, required, type Check, type Problem, type Translate } from '@/domain/form-rules';
import type { IsoDate } from '@/api/types';

export const nameMaxLength = 40;

export function checkIdNumber(today: IsoDate): Check<string | null | undefined> {
  return (value) => {
    const result = parseIdNumber(value ?? '', today);
    return result.ok ? null : { key: `rules.id_number.${result.code}` };
  };
}

export const checkMobile: Check<string | null | undefined> = (value) =>
  isBlank(value) || /^1[3-9]\d{9}$/.test((value ?? '').trim()) ? null : { key: 'rules.mobile' };

export const checkOfficePhone: Check<string | null | undefined> = (value) =>
  isBlank(value) || /^[0-9][0-9\- ]{2,29}$/.test((value ?? '').trim()) ? null : { key: 'rules.officePhone' };

export function checkName(translate: Translate): Check<string | null | undefined> {
  const req = required('person.name', translate);
  const len = maxLength(nameMaxLength, 'rules.nameTooLong');
  return (value): Problem | null => req(value) ?? len(value);
}

export function personRules(translate: Translate, today: IsoDate): FormRules {
  return {
    name: [asRule(checkName(translate), translate)],
    id_number: [asRule(checkIdNumber(today), translate)],
    mobile: [asRule(checkMobile, translate)],
    office_phone: [asRule(checkOfficePhone, translate)],
    work_unit: [asRule(maxLength(100), translate)],
    job_title: [asRule(maxLength(60), translate)],
    notes: [asRule(maxLength(500), translate)],
  };
}
