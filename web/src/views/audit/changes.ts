// The before/after of an audit record as rows, one per field, values as text: lists one item
// a line, dictionary codes (role, manner …) by their label where the caller knows it.
import type { AuditChange } from '@/api/auth-types';

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
}

/** Turns a code of a field into its label (e.g. role executive → 执委); returns the code when unknown. */
export type CodeLabel = (field: string, code: string) => string;

export function valueText(field: string, value: unknown, label: CodeLabel = (_f, c) => c): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => valueText(field, v, label)).join('\n');
  if (typeof value === 'string') return label(field, value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function changeRows(changes: Record<string, AuditChange> | null, label?: CodeLabel): ChangeRow[] {
  return Object.entries(changes ?? {}).map(([field, c]) => ({
    field,
    before: valueText(field, c?.before, label),
    after: valueText(field, c?.after, label),
  }));
}
