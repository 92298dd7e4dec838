// Checks of the account forms, as the server applies them (docs/api-contract.md, password policy).
import type { FormRules } from 'element-plus';
import { asRule, isBlank, type Check, type Problem, type Translate } from '@/domain/form-rules';

export const passwordMin = 10;
export const passwordMax = 200;

export const checkUsername: Check<string | null | undefined> = (value) =>
  /^[a-z][a-z0-9_.-]{2,39}$/.test((value ?? '').trim()) ? null : { key: 'rules.username' };

/** The policy as the server applies it, each cause its own message; the common-passwords list stays on the server. */
export function checkPassword(username: () => string = () => ''): Check<string | null | undefined> {
  return (value): Problem | null => {
    const length = [...(value ?? '')].length;
    if (length < passwordMin) return { key: 'rules.passwordShort', params: { min: passwordMin } };
    if (length > passwordMax) return { key: 'rules.passwordLong', params: { max: passwordMax } };
    const name = username().trim().toLowerCase();
    return name !== '' && (value ?? '').toLowerCase().includes(name) ? { key: 'rules.passwordContainsUsername' } : null;
  };
}

export function checkRepeat(password: () => string): Check<string | null | undefined> {
  return (value) => (value === password() ? null : { key: 'rules.passwordRepeat' });
}

const chosen = (fieldKey: string, translate: Translate): Check<unknown> => (value) =>
  value === null || value === undefined || value === '' ? { key: 'rules.required', params: { field: translate(fieldKey) } } : null;

export function passwordRules(translate: Translate, password: () => string, username: () => string): FormRules {
  return {
    current_password: [asRule((v: string) => (isBlank(v) ? { key: 'rules.required', params: { field: translate('user.currentPassword') } } : null), translate)],
    new_password: [asRule(checkPassword(username), translate)],
    repeat: [asRule(checkRepeat(password), translate)],
  };
}

/** Creating: every field; editing: the password only when she typed one (a reset). */
export function accountRules(translate: Translate, creating: boolean, username: () => string): FormRules {
  const policy = checkPassword(username);
  const password: Check<string | null | undefined> = (v) => (!creating && isBlank(v) ? null : policy(v));
  return {
    username: creating ? [asRule(checkUsername, translate)] : [],
    password: [asRule(password, translate)],
    organisation_id: [asRule(chosen('account.organisation', translate), translate, 'change')],
    role: [asRule(chosen('account.role', translate), translate, 'change')],
  };
}
