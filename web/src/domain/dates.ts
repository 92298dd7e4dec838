// Dates are shown and sent as YYYY-MM-DD, in the clerk's local calendar.
import type { IsoDate } from '@/api/types';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function toIsoDate(d: Date): IsoDate {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function todayIso(): IsoDate {
  return toIsoDate(new Date());
}

export function formatDate(value: IsoDate | null | undefined): string {
  return value ? value.slice(0, 10) : '—';
}

/** An ISO 8601 instant shown as local YYYY-MM-DD HH:MM. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const pad2 = (n: number) => String(n).padStart(2, '0');
  return `${toIsoDate(d)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}
