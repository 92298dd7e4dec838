import { describe, expect, it } from 'vitest';
import { checkDivisionCode, requiredChoice } from './rules';

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

describe('requiredChoice', () => {
  const translate = (key: string) => (key === 'restructure.mergeInto' ? '并入的组织' : key);
  it('asks for a body until one is chosen', () => {
    expect(requiredChoice('restructure.mergeInto', translate)(null)).toEqual({ key: 'rules.required', params: { field: '并入的组织' } });
    expect(requiredChoice('restructure.mergeInto', translate)(2413)).toBeNull();
  });
});
