// How a count stands against its rule, for colouring the composition (green meets, amber
// short, red over or forbidden) and writing bounds as the rule sets do ("22–32").
import type { BodyStatus, Composition, CountRow, Finding } from '@/api/staffing-types';

export type CountStatus = BodyStatus | 'free';

/** `free`: no rule constrains this count (no minimum above 0 and no maximum). */
export function countStatus(actual: number, min: number | null, max: number | null): CountStatus {
  if (max !== null && actual > max) return 'over';
  if (min !== null && actual < min) return 'short';
  if ((min === null || min === 0) && max === null) return 'free';
  return 'meets';
}

export function boundsText(min: number | null, max: number | null): string {
  if (min === null && max === null) return '—';
  if (max === null) return `≥ ${min ?? 0}`;
  if (min === max) return String(max);
  return `${min ?? 0}–${max}`;
}

/** The Element Plus tag type of a status. */
export function statusTagType(status: CountStatus): 'success' | 'warning' | 'danger' | 'info' {
  return status === 'meets' ? 'success' : status === 'short' ? 'warning' : status === 'over' ? 'danger' : 'info';
}

export interface CompositionLine {
  key: string;
  label: string;
  actual: number;
  bounds: string;
  status: CountStatus;
}

/** The lines of the composition panel: the total, each counted role, each forbidden role held. */
export function compositionLines(
  c: Composition,
  totalLabel: string,
  roleLabel: (role: string, serverLabel: string) => string = (_r, l) => l,
): CompositionLine[] {
  const line = (key: string, label: string, r: Pick<CountRow, 'actual' | 'min' | 'max'>): CompositionLine => ({
    key,
    label,
    actual: r.actual,
    bounds: boundsText(r.min, r.max),
    status: countStatus(r.actual, r.min, r.max),
  });
  return [
    line('total', totalLabel, c.total),
    ...c.roles.map((r) => line(`role:${r.role}`, roleLabel(r.role, r.role_label), r)),
    ...c.forbidden_roles
      .filter((f) => f.actual > 0)
      .map((f) => ({ key: `forbidden:${f.role}`, label: roleLabel(f.role, f.role_label), actual: f.actual, bounds: '0', status: 'over' as const })),
  ];
}

/**
 * The server's message of a finding; a seat finding also names the person (the message may give
 * only her number). In English a role code the message still carries (`3 vice_chair`) is
 * replaced by the role's English name when `roleName` knows it: no code reaches the screen.
 */
export function findingMessage(f: Finding, language: string, roleName: (code: string) => string | null = () => null): string {
  let message = language === 'en' ? f.message_en || f.message : f.message;
  if (language === 'en' && f.role && f.role.includes('_')) {
    const name = roleName(f.role);
    if (name) message = message.split(f.role).join(name);
  }
  const names = [f.person_name, f.occupant_name].filter((n): n is string => !!n && !message.includes(n));
  return names.length > 0 ? `${message} — ${names.join(', ')}` : message;
}

/** The next step a finding advises, in the language shown (null when the server gave none). */
export function findingAdvice(f: Finding, language: string): string | null {
  const advice = language === 'en' ? f.advice_en || f.advice : f.advice;
  return advice ? advice : null;
}

/** How full a role is in a body, for the role dropdown: "副主任 2/2" (full), "执委 18/32". */
export interface RoleCapacity {
  actual: number;
  max: number | null;
  full: boolean;
  forbidden: boolean;
}

export function roleCapacity(c: Composition | null, role: string): RoleCapacity | null {
  if (!c || c.rule_set === null) return null;
  const forbidden = c.forbidden_roles.find((f) => f.role === role);
  if (forbidden) return { actual: forbidden.actual, max: 0, full: true, forbidden: true };
  const row = c.roles.find((r) => r.role === role);
  const total = c.total.max !== null && c.total.actual >= c.total.max;
  if (!row) return total ? { actual: 0, max: null, full: true, forbidden: false } : null;
  return { actual: row.actual, max: row.max, full: total || (row.max !== null && row.actual >= row.max), forbidden: false };
}
