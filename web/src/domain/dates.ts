// Dates are shown and sent as YYYY-MM-DD, in the clerk's local calendar.
import type { IsoDate } from '@/api/types';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function toIsoDate(d: Date): IsoDate {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Today in China (UTC+8): the calendar the server's dates follow (domain::today_in_china), so
 * that a page's "today" is the server's whatever the browser's time zone (between 16:00 and
 * 24:00 UTC a UTC browser was a day behind, and a position starting today was not listed).
 */
export function todayIso(now: Date = new Date()): IsoDate {
  const china = new Date(now.getTime() + 8 * 3600 * 1000);
  return `${china.getUTCFullYear()}-${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())}`;
}

/** For a date picker's disabled-date: true for the days after `last` (a calendar day of the picker). */
export function daysAfter(last: IsoDate): (date: Date) => boolean {
  return (date) => toIsoDate(date) > last;
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
