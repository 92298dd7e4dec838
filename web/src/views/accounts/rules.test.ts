import { describe, expect, it } from 'vitest';
import { checkPassword, checkUsername } from './rules';

describe('account rules', () => {
  it('names the actual cause of a refused password', () => {
    const check = checkPassword(() => 'hulan_town');
    expect(check('short')).toEqual({ key: 'rules.passwordShort', params: { min: 10 } });
    expect(check('x'.repeat(201))).toEqual({ key: 'rules.passwordLong', params: { max: 200 } });
    expect(check('my-HULAN_TOWN-2026')).toEqual({ key: 'rules.passwordContainsUsername' });
    expect(check('Songhua-River-2016')).toBeNull();
    expect(checkPassword()('Songhua-River-2016')).toBeNull();
  });

  it('checks the username format', () => {
    expect(checkUsername('op_town1')).toBeNull();
    expect(checkUsername('1abc')).toEqual({ key: 'rules.username' });
  });
});
