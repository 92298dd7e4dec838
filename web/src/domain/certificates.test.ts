import { describe, expect, it, vi } from 'vitest';
import type { Certificate, CertificateVerification } from '@/api/certificates';
import { ApiError, networkError, toApiError } from '@/api/errors';
import { i18n } from '@/i18n';
import {
  chunks,
  codeProblem,
  issueInChunks,
  kindFor,
  mayHoldCertificate,
  normaliseCode,
  percentOf,
  prefixProblem,
  printBatches,
  reasonProblem,
  reasonText,
  refusedPosition,
  revokedText,
  statusText,
  verifyCode,
} from './certificates';

const code = 'e25w6ammkpdhnxtow6cyrgdvaq';

function tIn(language: 'zh-CN' | 'en') {
  return (key: string, params?: Record<string, string | number>) => {
    i18n.global.locale.value = language;
    return i18n.global.t(key, params ?? {});
  };
}

const checked: CertificateVerification = {
  number: '二八镇妇证〔2026〕第0001号',
  kind: 'appointment',
  kind_label: '任职证书',
  kind_label_en: 'Appointment certificate',
  holder: '刘*艳',
  organisation_name: '上胜村妇代会',
  role_label: '主任',
  issuer_name: '二八镇妇联',
  start_on: '2014-05-25',
  issued_on: '2026-12-01',
  valid: true,
  status: 'valid',
  revoked_on: null,
  revoke_reason: null,
};

describe('the verification code', () => {
  it('is read trimmed, without spaces inside, lower-cased', () => {
    expect(normaliseCode(`  ${code.toUpperCase()}\n`)).toBe(code);
    expect(normaliseCode('e25w6 ammkp dhnxt ow6cy rgdvaq')).toBe(code);
    expect(normaliseCode('')).toBe('');
  });

  it('is 26 letters and digits', () => {
    expect(codeProblem(code)).toBeNull();
    expect(codeProblem('')).toBe('codeRequired');
    expect(codeProblem(code.slice(1))).toBe('codeShape');
    expect(codeProblem(`${code}a`)).toBe('codeShape');
    expect(codeProblem(`${code.slice(1)}-`)).toBe('codeShape');
    expect(codeProblem(`${code.slice(1)}中`)).toBe('codeShape');
  });
});

describe('the public check', () => {
  it('asks once about a code of the right shape, as normalised', async () => {
    const ask = vi.fn(async () => checked);
    await expect(verifyCode(` ${code.toUpperCase()} `, ask)).resolves.toEqual({ kind: 'found', certificate: checked });
    expect(ask).toHaveBeenCalledWith(code);
  });

  it('does not send what cannot be a code: no certificate has it', async () => {
    const ask = vi.fn(async () => checked);
    await expect(verifyCode('abc-def', ask)).resolves.toEqual({ kind: 'not_found' });
    await expect(verifyCode('', ask)).resolves.toEqual({ kind: 'not_found' });
    expect(ask).not.toHaveBeenCalled();
  });

  it('tells an unknown code, too many checks and no answer apart', async () => {
    const failing = (error: unknown) => () => Promise.reject(error);
    const missing = toApiError(404, { error: { code: 'not_found', field: 'code', message: '未找到该证书，请核对验证码', message_en: 'no certificate has this code' } });
    const limited = toApiError(429, { error: { code: 'too_many_requests', field: '', message: '查询过于频繁，请稍后再试', message_en: 'too many requests' } });
    await expect(verifyCode(code, failing(missing))).resolves.toEqual({ kind: 'not_found' });
    await expect(verifyCode(code, failing(limited))).resolves.toEqual({ kind: 'too_many' });
    await expect(verifyCode(code, failing(networkError()))).resolves.toEqual({ kind: 'unreachable' });
    await expect(verifyCode(code, failing(toApiError(502, null)))).resolves.toEqual({ kind: 'unreachable' });
    await expect(verifyCode(code, failing(new TypeError('boom')))).resolves.toEqual({ kind: 'unreachable' });
  });
});

describe('a certificate’s status in words', () => {
  const valid = { valid: true, revoked_on: null, revoke_reason: null };

  it('says valid or revoked in the language shown', () => {
    expect(statusText(valid, tIn('zh-CN'))).toBe('有效');
    expect(statusText({ valid: false }, tIn('zh-CN'))).toBe('已失效');
    expect(statusText(valid, tIn('en'))).toBe('Valid');
    expect(statusText({ valid: false }, tIn('en'))).toBe('Revoked');
  });

  it('says since when and why it no longer holds, nothing while it holds', () => {
    expect(revokedText(valid, tIn('zh-CN'))).toBe('');
    const revoked = { valid: false, revoked_on: '2026-12-01', revoke_reason: '已调离本村' };
    expect(revokedText(revoked, tIn('zh-CN'))).toBe('自2026-12-01起失效，原因：已调离本村');
    expect(revokedText(revoked, tIn('en'))).toBe('Revoked since 2026-12-01: 已调离本村');
    // the position removed as a mistake: no date, the server's reason
    expect(revokedText({ valid: false, revoked_on: null, revoke_reason: '任职记录已删除' }, tIn('en'))).toBe('Reason: the position record was deleted');
    expect(revokedText({ valid: false, revoked_on: '2026-11-30', revoke_reason: null }, tIn('zh-CN'))).toBe('自2026-11-30起失效');
  });

  it('translates the reasons the server writes itself, and keeps hers as she typed them', () => {
    expect(reasonText('任职已结束', tIn('en'))).toBe('the position has ended');
    expect(reasonText('任职已结束', tIn('zh-CN'))).toBe('任职已结束');
    expect(reasonText('她已搬走', tIn('en'))).toBe('她已搬走');
    expect(reasonText(null, tIn('en'))).toBe('');
  });
});

describe('what a position gets', () => {
  it('is a volunteer engagement for a volunteer, an appointment for every other manner', () => {
    expect(kindFor('volunteer')).toBe('volunteer');
    expect(['part_time', 'full_time', 'seconded'].map(kindFor)).toEqual(['appointment', 'appointment', 'appointment']);
  });

  it('is nothing once the position has ended', () => {
    expect(mayHoldCertificate(null, '2026-12-01')).toBe(true);
    expect(mayHoldCertificate('2026-12-02', '2026-12-01')).toBe(true);
    expect(mayHoldCertificate('2026-12-01', '2026-12-01')).toBe(false);
  });
});

describe('the forms', () => {
  it('needs a reason of at most 200 characters to revoke', () => {
    expect(reasonProblem('  ')).toEqual({ key: 'certificates.reasonRequired' });
    expect(reasonProblem('已调离本村')).toBeNull();
    expect(reasonProblem('撤'.repeat(200))).toBeNull();
    expect(reasonProblem('撤'.repeat(201))).toEqual({ key: 'certificates.reasonTooLong', params: { max: 200 } });
  });

  it('needs a prefix of at most 20 characters (the rest the server checks)', () => {
    expect(prefixProblem('')).toEqual({ key: 'certificates.prefixRequired' });
    expect(prefixProblem('哈道妇证')).toBeNull();
    expect(prefixProblem('证'.repeat(21))).toEqual({ key: 'certificates.prefixTooLong', params: { max: 20 } });
    expect(prefixProblem('哈道1')).toBeNull();
  });
});

describe('issuing many', () => {
  const ids = Array.from({ length: 23 }, (_, i) => 100 + i);
  const certificateOf = (positionId: number) => ({ id: positionId - 99, position_id: positionId }) as Certificate;

  it('cuts a list into runs, and prints a hundred at most a PDF', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 10)).toEqual([]);
    const many = Array.from({ length: 230 }, (_, i) => i + 1);
    expect(printBatches(many).map((b) => b.length)).toEqual([100, 100, 30]);
    expect(printBatches(many)[1][0]).toBe(101);
  });

  it('counts progress in whole percent', () => {
    expect(percentOf(0, 23)).toBe(0);
    expect(percentOf(10, 23)).toBe(43);
    expect(percentOf(23, 23)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('issues in chunks of ten, one after the other, reporting the progress after each', async () => {
    const sent: number[][] = [];
    const progress: [number, number][] = [];
    const outcome = await issueInChunks(
      ids,
      async (chunk) => {
        sent.push([...chunk]);
        return { items: chunk.map(certificateOf) };
      },
      (done, total) => progress.push([done, total]),
    );
    expect(sent.map((c) => c.length)).toEqual([10, 10, 3]);
    expect(sent.flat()).toEqual(ids);
    expect(progress).toEqual([[0, 23], [10, 23], [20, 23], [23, 23]]);
    expect(outcome.failure).toBeNull();
    expect(outcome.issued.map((c) => c.position_id)).toEqual(ids);
  });

  it('stops at the first refusal, keeping the chunks before it, and names whose position it was', async () => {
    const refusal = toApiError(409, {
      error: { code: 'already_certified', field: 'position_ids[3]', message: '刘淑艳的这项任职已有证书（二八镇妇证〔2026〕第0001号），如需重发请先撤销', message_en: 'the position already has a certificate' },
    });
    let calls = 0;
    const progress: number[] = [];
    const outcome = await issueInChunks(
      ids,
      async (chunk) => {
        calls++;
        if (calls === 2) throw refusal;
        return { items: chunk.map(certificateOf) };
      },
      (done) => progress.push(done),
    );
    expect(calls).toBe(2);
    expect(progress).toEqual([0, 10]);
    expect(outcome.issued).toHaveLength(10);
    expect(outcome.failure).toEqual({ error: refusal, positionId: 113 });
  });

  it('reads the position a refusal names, if it names one', () => {
    const refusal = (field: string | null) => new ApiError({ status: 403, code: 'wrong_level', field, messageZh: 'x', messageEn: 'x' });
    expect(refusedPosition(refusal('position_ids[1]'), [7, 8, 9])).toBe(8);
    expect(refusedPosition(refusal('position_ids[5]'), [7, 8, 9])).toBeNull();
    expect(refusedPosition(refusal('position_ids'), [7, 8, 9])).toBeNull();
    expect(refusedPosition(refusal(null), [7, 8, 9])).toBeNull();
    expect(refusedPosition(networkError(), [7])).toBeNull();
  });
});
