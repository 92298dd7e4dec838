// Checks of the organisation forms, matching server/src/domain/organisation.cpp.
import type { FormRules } from 'element-plus';
import { asRule, isBlank, maxLength, required, requiredDate, type Check, type Problem, type Translate } from '@/domain/form-rules';
import { checkChangeDate, checkOptionalChangeDate } from './restructuring';

export const checkDivisionCode: Check<string | null | undefined> = (value) =>
  isBlank(value) || /^(\d{6}|\d{12})$/.test((value ?? '').trim()) ? null : { key: 'rules.divisionCode' };

/** A body's name: required, at most 60 characters (the name rule of creation). */
function checkName(fieldKey: string, translate: Translate): Check<string | null | undefined> {
  const name = required(fieldKey, translate);
  const length = maxLength(60);
  return (v) => name(v) ?? length(v);
}

export function organisationRules(translate: Translate): FormRules {
  return {
    type: [asRule(required('organisation.type', translate), translate, 'change')],
    name: [asRule(checkName('organisation.name', translate), translate)],
    division_code: [asRule(checkDivisionCode, translate)],
  };
}

/** A body chosen in a picker (its id), required. */
export function requiredChoice(fieldKey: string, translate: Translate): Check<number | null> {
  return (v) => (v === null ? { key: 'rules.required', params: { field: translate(fieldKey) } } : null);
}

/** 更名: the new name as a body's name, and the day it is used from (not after `today`). */
export function renameRules(today: string, translate: Translate): FormRules {
  return {
    name: [asRule(checkName('restructure.newName', translate), translate)],
    on: [asRule(checkChangeDate(today), translate, 'change')],
  };
}

/** 改建: the day of the change, not after `today`. */
export function changeRules(today: string, translate: Translate): FormRules {
  return { on: [asRule(checkChangeDate(today), translate, 'change')] };
}

/** 撤并: the body it merges into (chosen, and `clash` when its children's names collide) and the day. */
export function mergeRules(today: string, translate: Translate, clash: () => Problem | null): FormRules {
  return {
    ...changeRules(today, translate),
    into_id: [asRule(requiredChoice('restructure.mergeInto', translate), translate, 'change'), asRule(clash, translate, 'change')],
  };
}

/** 移动: the new parent, and a day only for a move that happened on it (empty: a correction). */
export function moveRules(today: string, translate: Translate): FormRules {
  return {
    parent_id: [asRule(requiredChoice('organisation.newParent', translate), translate, 'change')],
    on: [asRule(checkOptionalChangeDate(today), translate, 'change')],
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
