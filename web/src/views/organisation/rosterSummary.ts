// The count line above a roster: 主席 1 · 副主席 2 · 执委 24 · 合计 27.
import type { DictionaryEntry, RosterEntry } from '@/api/types';

export interface RoleCount {
  role: string;
  label: string;
  count: number;
}

export interface RosterSummary {
  roles: RoleCount[];
  total: number;
}

/**
 * Counts the entries by role, in the roles' dictionary order (unknown roles last, with
 * the label the roster gave). labelOf picks the label in the current language.
 */
export function summariseRoster(
  entries: readonly RosterEntry[],
  roles: readonly DictionaryEntry[],
  labelOf: (entry: DictionaryEntry) => string,
): RosterSummary {
  const counts = new Map<string, RoleCount>();
  for (const e of entries) {
    const existing = counts.get(e.role);
    if (existing) existing.count++;
    else {
      const dict = roles.find((r) => r.code === e.role);
      counts.set(e.role, { role: e.role, label: dict ? labelOf(dict) : e.role_label, count: 1 });
    }
  }
  const rank = (code: string) => {
    const dict = roles.find((r) => r.code === code);
    return dict ? dict.sort_order : Number.MAX_SAFE_INTEGER;
  };
  const list = [...counts.values()].sort((a, b) => rank(a.role) - rank(b.role));
  return { roles: list, total: entries.length };
}
