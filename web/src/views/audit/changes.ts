// The before/after of an audit record as rows, one per field, values as text.
import type { AuditChange } from '@/api/auth-types';

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
}

export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function changeRows(changes: Record<string, AuditChange> | null): ChangeRow[] {
  return Object.entries(changes ?? {}).map(([field, c]) => ({
    field,
    before: valueText(c?.before),
    after: valueText(c?.after),
  }));
}
