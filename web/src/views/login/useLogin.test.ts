import { describe, expect, it } from 'vitest';
import { toApiError } from '@/api/errors';
import { lockEndsAt, problemOf } from './useLogin';

describe('sign-in problems', () => {
  it('tells a wrong password from a lock, with the time the lock ends', () => {
    expect(problemOf(toApiError(401, { error: { code: 'login_failed', message: 'x', message_en: 'x', field: null } }), 'zh-CN')).toEqual({ kind: 'failed' });
    const locked = toApiError(429, { error: { code: 'login_locked', message: 'x', message_en: 'x', field: null, locked_until: '2026-11-28T10:15:00Z' } });
    expect(problemOf(locked, 'zh-CN')).toEqual({ kind: 'locked', until: '2026-11-28T10:15:00Z' });
    const d = new Date('2026-11-28T10:15:00Z');
    expect(lockEndsAt('2026-11-28T10:15:00Z')).toBe(`${String(d.getHours()).padStart(2, '0')}:15`);
    expect(lockEndsAt(null)).toBe('');
  });

  it('says the server is busy on a 503, from the server or from a proxy without a JSON body', () => {
    const busy = toApiError(503, { error: { code: 'busy', message: '登录繁忙，请稍后再试', message_en: 'x', field: null, retry_after: '2' } });
    expect(problemOf(busy, 'zh-CN')).toEqual({ kind: 'busy' });
    expect(problemOf(toApiError(503, '<html>'), 'zh-CN')).toEqual({ kind: 'busy' });
  });
});
