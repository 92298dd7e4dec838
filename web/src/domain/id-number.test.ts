import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, maskIdNumber, normaliseIdNumber, parseIdNumber } from './id-number';

const today = '2026-11-28';

describe('idNumberCheckChar', () => {
  it('computes the GB 11643 example', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });
});

describe('parseIdNumber', () => {
  it('accepts a valid 18-character number and derives birth date and sex', () => {
    const first17 = '23010219850314002';
    const r = parseIdNumber(first17 + idNumberCheckChar(first17), today);
    expect(r).toEqual({ ok: true, value: first17 + idNumberCheckChar(first17), birthDate: '1985-03-14', sex: 'female' });
  });

  it('reads an odd sequence digit as male', () => {
    const first17 = '23010219850314003';
    const r = parseIdNumber(first17 + idNumberCheckChar(first17), today);
    expect(r.ok && r.sex).toBe('male');
  });

  it('accepts a lower-case x and returns upper case', () => {
    const r = parseIdNumber('11010519491231002x', today);
    expect(r).toMatchObject({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
  });

  it('normalises full-width digits, full-width X and spaces', () => {
    expect(normaliseIdNumber('１１０１０５ 1949\u30001231００２ｘ')).toBe('11010519491231002X');
    expect(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ', today).ok).toBe(true);
  });

  it('converts a 15-digit legacy number to 18', () => {
    const r = parseIdNumber('230102850314002', today);
    const first17 = '23010219850314002';
    expect(r).toEqual({ ok: true, value: first17 + idNumberCheckChar(first17), birthDate: '1985-03-14', sex: 'female' });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['2301021985031400', 'id_number_length'],
    ['23010285031400A', 'id_number_format'],
    ['2301021985031400A1', 'id_number_format'],
    ['23010219850314002Y', 'id_number_format'],
    ['990102198503140021', 'id_number_region'],
    ['230102198502300021', 'id_number_birth_date'],
    ['230102189902010021', 'id_number_birth_date'],
    ['230102202712010021', 'id_number_birth_date'],
  ])('refuses %j with %s', (raw, code) => {
    expect(parseIdNumber(raw, today)).toEqual({ ok: false, code });
  });

  it('refuses a wrong check character', () => {
    const first17 = '23010219850314002';
    const right = idNumberCheckChar(first17);
    const wrong = right === '0' ? '1' : '0';
    expect(parseIdNumber(first17 + wrong, today)).toEqual({ ok: false, code: 'id_number_checksum' });
  });

  it('accepts 29 February of a leap year only', () => {
    const leap = '23010219840229002';
    expect(parseIdNumber(leap + idNumberCheckChar(leap), today).ok).toBe(true);
    const notLeap = '23010219850229002';
    expect(parseIdNumber(notLeap + idNumberCheckChar(notLeap), today)).toEqual({ ok: false, code: 'id_number_birth_date' });
  });
});

describe('maskIdNumber', () => {
  it('keeps the region and the last four', () => {
    expect(maskIdNumber('230102198001011234')).toBe('230102********1234');
  });
});
