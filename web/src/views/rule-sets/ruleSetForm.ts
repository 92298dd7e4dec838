// The rule-set editor's form model and its mapping to and from the RuleSet JSON; and the
// row of the form that a server error's field path (rules.township.role_counts.vice_chair) names.
import type { BodyType } from '@/api/types';
import type { BodyTypeRules, RuleSet, SeatRule } from '@/api/staffing-types';

export interface RoleRow {
  role: string;
  min: number;
  max: number | null;
}

export interface BodyForm {
  type: BodyType;
  totalMin: number;
  totalMax: number | null;
  roles: RoleRow[];
  forbidden: string[];
}

export interface RuleSetForm {
  code: string;
  name: string;
  bodies: BodyForm[];
  seats: SeatRule[];
}

export function fromRuleSet(set: RuleSet): RuleSetForm {
  const bodies = (Object.entries(set.rules) as [BodyType, BodyTypeRules][]).map(([type, r]) => ({
    type,
    totalMin: r.total?.min ?? 0,
    totalMax: r.total?.max ?? null,
    roles: Object.entries(r.role_counts ?? {}).map(([role, b]) => ({ role, min: b.min, max: b.max })),
    forbidden: [...(r.forbidden_roles ?? [])],
  }));
  return { code: set.code, name: set.name, bodies, seats: set.seat_rules.map((s) => ({ ...s })) };
}

export function toRuleSet(form: RuleSetForm): RuleSet {
  const rules: RuleSet['rules'] = {};
  for (const b of form.bodies) {
    rules[b.type] = {
      total: { min: b.totalMin, max: b.totalMax },
      role_counts: Object.fromEntries(b.roles.map((r) => [r.role, { min: r.min, max: r.max }])),
      forbidden_roles: [...b.forbidden],
    };
  }
  return { code: form.code.trim(), name: form.name.trim(), rules, seat_rules: form.seats.map((s) => ({ ...s })) };
}

/** Keys of the form's rows, as the template marks them: `body:township`, `role:township:chair`, ... */
export const rowKey = {
  body: (type: string) => `body:${type}`,
  total: (type: string) => `total:${type}`,
  role: (type: string, role: string) => `role:${type}:${role}`,
  forbidden: (type: string) => `forbidden:${type}`,
  seat: (index: number) => `seat:${index}`,
  field: (name: string) => `field:${name}`,
};

/** The row a server error's `field` points at (null when it names nothing in the form). */
export function rowOfErrorPath(path: string | null): string | null {
  if (!path) return null;
  const parts = path.split('.');
  if (parts[0] === 'code' || parts[0] === 'name') return rowKey.field(parts[0]);
  if (parts[0] === 'seat_rules' && parts.length > 1) {
    const index = Number(parts[1]);
    return Number.isInteger(index) ? rowKey.seat(index) : rowKey.field('seat_rules');
  }
  if (parts[0] !== 'rules' || parts.length < 2) return null;
  const [, type, section, role] = parts;
  if (section === 'total') return rowKey.total(type);
  if (section === 'role_counts') return role ? rowKey.role(type, role) : rowKey.total(type);
  if (section === 'forbidden_roles') return rowKey.forbidden(type);
  return rowKey.body(type);
}
