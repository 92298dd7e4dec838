// Plain checks return a Problem (an i18n key and its parameters) or null; asRule()
// adapts one to an Element Plus form rule, so the checks stay testable without a DOM.
import type { FormItemRule } from 'element-plus';

export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}

export type Check<T> = (value: T) => Problem | null;

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function asRule<T>(check: Check<T>, translate: Translate, trigger: 'blur' | 'change' = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_rule: unknown, value: T, callback: (error?: Error) => void) => {
      const problem = check(value);
      callback(problem ? new Error(translate(problem.key, problem.params)) : undefined);
    },
  };
}

export function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

export function required(fieldKey: string, translate: Translate): Check<string | null | undefined> {
  return (value) => (isBlank(value) ? { key: 'rules.required', params: { field: translate(fieldKey) } } : null);
}

export function maxLength(max: number, key = 'rules.textTooLong'): Check<string | null | undefined> {
  return (value) => (value && [...value.trim()].length > max ? { key, params: { max } } : null);
}

export const requiredDate: Check<string | null | undefined> = (value) =>
  isBlank(value) ? { key: 'rules.required_date' } : null;

/**
 * Element Plus rules for the named fields of a form whose checks are one plain function listing each
 * field's problem (e.g. milestoneProblems): `message` turns a problem into words.
 */
export function problemRules<K extends string>(
  problems: () => Partial<Record<K, string>>,
  fields: readonly K[],
  message: (problem: string) => string,
): Partial<Record<K, FormItemRule[]>> {
  const rule = (field: K): FormItemRule => ({
    trigger: 'change',
    validator: (_rule: unknown, _value: unknown, done: (error?: Error) => void) => {
      const problem = problems()[field];
      done(problem ? new Error(message(problem)) : undefined);
    },
  });
  return Object.fromEntries(fields.map((f) => [f, [rule(f)]])) as Partial<Record<K, FormItemRule[]>>;
}
