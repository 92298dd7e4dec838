import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import zhCN from '@/locales/zh-CN';
import en from '@/locales/en';
import { refusalOf } from './useSubmission';

const error = (status: number, code: string) => new ApiError({ status, code, messageZh: '', messageEn: '' });

describe('a refused submission or decision', () => {
  it.each([
    [error(409, 'already_submitted'), 'already_submitted'],
    [error(409, 'already_accepted'), 'already_accepted'],
    [error(409, 'not_awaiting_decision'), 'not_awaiting_decision'],
    [error(422, 'not_owed'), 'not_owed'],
    [error(422, 'nothing_to_submit'), 'nothing_to_submit'],
    [error(403, 'wrong_level'), null],
    [new Error('network'), null],
  ] as const)('%o is said by the page as %s', (e, code) => {
    expect(refusalOf(e)).toBe(code);
  });

  it('has plain words with the next step in both languages for every refusal the page says itself', () => {
    for (const code of ['already_submitted', 'already_accepted', 'not_owed', 'nothing_to_submit', 'not_awaiting_decision'] as const) {
      expect(zhCN.campaign.refusal[code].length).toBeGreaterThan(8);
      expect(en.campaign.refusal[code].length).toBeGreaterThan(8);
    }
  });
});
