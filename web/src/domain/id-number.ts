// The resident ID number (GB 11643), checked exactly as the server checks it
// (server/src/domain/id_number.cpp): normalise, convert 15 → 18, then length,
// characters, province, birth date, check character. Error codes are the server's.
import type { IsoDate, Sex } from '@/api/types';

export type IdNumberErrorCode =
  | 'required'
  | 'id_number_length'
  | 'id_number_format'
  | 'id_number_region'
  | 'id_number_birth_date'
  | 'id_number_checksum';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: IsoDate; sex: Sex }
  | { ok: false; code: IdNumberErrorCode };

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';
const provinces = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);

/** Drops spaces (also U+3000), turns full-width digits and X into ASCII, x into X. */
export function normaliseIdNumber(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || cp === 0x3000) continue;
    if (cp >= 0xff10 && cp <= 0xff19) out += String.fromCharCode(0x30 + cp - 0xff10);
    else if (cp === 0xff38 || cp === 0xff58 || ch === 'x') out += 'X';
    else out += ch;
  }
  return out;
}

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * weights[i];
  return checkChars[sum % 11];
}

const digitsOnly = /^[0-9]*$/;

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

export function parseIdNumber(raw: string, today: IsoDate): IdNumberResult {
  let s = normaliseIdNumber(raw);
  if (s === '') return { ok: false, code: 'required' };
  if (s.length === 15) {
    if (!digitsOnly.test(s)) return { ok: false, code: 'id_number_format' };
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
    s = first17 + idNumberCheckChar(first17);
  } else if (s.length !== 18) {
    return { ok: false, code: 'id_number_length' };
  }
  if (!digitsOnly.test(s.slice(0, 17)) || !/^[0-9X]$/.test(s[17])) return { ok: false, code: 'id_number_format' };
  if (!provinces.has(Number(s.slice(0, 2)))) return { ok: false, code: 'id_number_region' };
  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isValidDate(year, month, day) || year < 1900 || birthDate > today) {
    return { ok: false, code: 'id_number_birth_date' };
  }
  if (idNumberCheckChar(s) !== s[17]) return { ok: false, code: 'id_number_checksum' };
  const sex: Sex = Number(s[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: s, birthDate, sex };
}

/** 230102********1234: region and last four kept, the rest hidden (as the server masks). */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}
