import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkMobile, checkName, checkOfficePhone, personRules } from './rules';
import type { FormItemRule } from 'element-plus';

const translate = (key: string, params?: Record<string, string | number>) =>
  params ? `${key}:${JSON.stringify(params)}` : key;

describe('person rules', () => {
  it('requires a name and limits its length', () => {
    const check = checkName(translate);
    expect(check('')).toEqual({ key: 'rules.required', params: { field: 'person.name' } });
    expect(check('  ')).not.toBeNull();
    expect(check('王秀兰')).toBeNull();
    expect(check('长'.repeat(50))).toBeNull();
    expect(check('长'.repeat(51))).toEqual({ key: 'rules.nameTooLong', params: { max: 50 } });
  });

  it('checks the ID number as the server does', () => {
    const check = checkIdNumber('2026-11-28');
    expect(check('11010519491231002X')).toBeNull();
    expect(check('11010519491231002x')).toBeNull();
    expect(check('110105194912310021')).toEqual({ key: 'rules.id_number.id_number_checksum' });
    expect(check('')).toEqual({ key: 'rules.id_number.required' });
    expect(check('12345')).toEqual({ key: 'rules.id_number.id_number_length' });
  });

  it('accepts a mainland mobile number or nothing', () => {
    expect(checkMobile('')).toBeNull();
    expect(checkMobile(null)).toBeNull();
    expect(checkMobile('13804512345')).toBeNull();
    expect(checkMobile('19912345678')).toBeNull();
    expect(checkMobile('12804512345')).toEqual({ key: 'rules.mobile' });
    expect(checkMobile('1380451234')).toEqual({ key: 'rules.mobile' });
    expect(checkMobile('138045123456')).toEqual({ key: 'rules.mobile' });
    expect(checkMobile('+86 138-0451-2345')).toBeNull();
  });

  it('accepts office phones with digits, spaces and hyphens', () => {
    expect(checkOfficePhone('0451-84694842')).toBeNull();
    expect(checkOfficePhone('')).toBeNull();
    expect(checkOfficePhone('0451 8469 4842')).toBeNull();
    expect(checkOfficePhone('call me')).toEqual({ key: 'rules.officePhone' });
    expect(checkOfficePhone('0451--84694842')).toEqual({ key: 'rules.officePhone' });
    expect(checkOfficePhone('-84694842')).toEqual({ key: 'rules.officePhone' });
    expect(checkOfficePhone('123456')).toEqual({ key: 'rules.officePhone' });
  });

  it('builds Element Plus rules that report the translated problem', async () => {
    const rules = personRules(translate, '2026-11-28');
    const rule = (rules.mobile as FormItemRule[])[0];
    const messages: (string | undefined)[] = [];
    rule.validator?.(rule, '123', (e?: string | Error) => messages.push(e instanceof Error ? e.message : e), {}, {});
    rule.validator?.(rule, '13804512345', (e?: string | Error) => messages.push(e instanceof Error ? e.message : e), {}, {});
    expect(messages).toEqual(['rules.mobile', undefined]);
  });
});
