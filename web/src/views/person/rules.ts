// The person form's checks, the same the server applies (see docs/api-contract.md).
import type { FormRules } from 'element-plus';
import { parseIdNumber } from '@/domain/id-number';
import { asRule, isBlank, maxLength, required, type Check, type Problem, type Translate } from '@/domain/form-rules';
import type { IsoDate } from '@/api/types';

// Limits and formats as server/src/domain/person.cpp and services/registry_people.cpp apply them.
export const nameMaxLength = 50;
export const textMaxLength = { work_unit: 100, job_title: 100, notes: 1000 } as const;

export function checkIdNumber(today: IsoDate): Check<string | null | undefined> {
  return (value) => {
    const result = parseIdNumber(value ?? '', today);
    return result.ok ? null : { key: `rules.id_number.${result.code}` };
  };
}

/** Spaces and hyphens are ignored, a +86 prefix dropped; then 11 digits starting 13–19. */
export function normaliseMobile(value: string): string {
  const m = value.trim().replace(/[ \t-]/g, '');
  return m.startsWith('+86') ? m.slice(3) : m;
}

export const checkMobile: Check<string | null | undefined> = (value) =>
  isBlank(value) || /^1[3-9]\d{9}$/.test(normaliseMobile(value ?? '')) ? null : { key: 'rules.mobile' };

/** Digits with single hyphens between them (spaces ignored), 7 to 20 digits: 0451-84694842. */
export const checkOfficePhone: Check<string | null | undefined> = (value) => {
  if (isBlank(value)) return null;
  const phone = (value ?? '').replace(/ /g, '');
  const digits = phone.replace(/-/g, '').length;
  return /^[0-9]+(-[0-9]+)*$/.test(phone) && digits >= 7 && digits <= 20 ? null : { key: 'rules.officePhone' };
};

export function checkName(translate: Translate): Check<string | null | undefined> {
  const req = required('person.name', translate);
  const len = maxLength(nameMaxLength, 'rules.nameTooLong');
  return (value): Problem | null => req(value) ?? len(value);
}

/** The masked values a stored person came with: sent back unchanged they are not checked (nor sent). */
export type MaskedValues = Partial<Record<'id_number' | 'mobile' | 'office_phone', string | null>>;

function unlessUnchanged(check: Check<string | null | undefined>, masked: string | null | undefined): Check<string | null | undefined> {
  return (value) => (masked && value === masked ? null : check(value));
}

export function personRules(translate: Translate, today: IsoDate, masked: MaskedValues = {}): FormRules {
  return {
    name: [asRule(checkName(translate), translate)],
    id_number: [asRule(unlessUnchanged(checkIdNumber(today), masked.id_number), translate)],
    mobile: [asRule(unlessUnchanged(checkMobile, masked.mobile), translate)],
    office_phone: [asRule(unlessUnchanged(checkOfficePhone, masked.office_phone), translate)],
    work_unit: [asRule(maxLength(textMaxLength.work_unit), translate)],
    job_title: [asRule(maxLength(textMaxLength.job_title), translate)],
    notes: [asRule(maxLength(textMaxLength.notes), translate)],
  };
}
