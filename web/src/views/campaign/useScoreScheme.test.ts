import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { schemeErrorsOf } from './useScoreScheme';

const refusal = (field: string | null, zh = '分值应为0至100之间的整数', en = 'weight is 0..100') =>
  new ApiError({ status: 422, code: 'out_of_range', field, messageZh: zh, messageEn: en });

describe('a refused scheme', () => {
  it('puts a field error under its row, in the language of the page', () => {
    const e = schemeErrorsOf(refusal('items[2].weight'), 'zh-CN');
    expect(e?.rows[2]).toEqual({ weight: '分值应为0至100之间的整数' });
    expect(e?.rows[0]).toBeUndefined();
    expect(e?.scheme).toBe('');
    expect(schemeErrorsOf(refusal('items[0].milestone_id', '请选择上报事项', 'choose a milestone'), 'en')?.rows[0]).toEqual({ milestone_id: 'choose a milestone' });
  });

  it('says an error of the whole scheme above the rows', () => {
    expect(schemeErrorsOf(refusal('items', '各项目分值之和应大于0', 'the weights sum to 0'), 'zh-CN')).toEqual({ rows: [], scheme: '各项目分值之和应大于0' });
  });

  it('leaves other errors to the request pipeline', () => {
    expect(schemeErrorsOf(refusal(null), 'zh-CN')).toBeNull();
    expect(schemeErrorsOf(refusal('name'), 'zh-CN')).toBeNull();
    expect(schemeErrorsOf(new Error('network'), 'zh-CN')).toBeNull();
  });
});
