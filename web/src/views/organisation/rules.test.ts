import { describe, expect, it } from 'vitest';
import { checkDivisionCode } from './rules';

describe('checkDivisionCode', () => {
  it('accepts nothing, 6 or 12 digits', () => {
    expect(checkDivisionCode('')).toBeNull();
    expect(checkDivisionCode(null)).toBeNull();
    expect(checkDivisionCode('230102')).toBeNull();
    expect(checkDivisionCode('230102100000')).toBeNull();
  });
  it('refuses other lengths and letters', () => {
    expect(checkDivisionCode('2301')).toEqual({ key: 'rules.divisionCode' });
    expect(checkDivisionCode('23010210000A')).toEqual({ key: 'rules.divisionCode' });
  });
});
