import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { request, setCsrfToken, setErrorPresenter } from './http';

const shown: string[] = [];
let language: 'zh-CN' | 'en' = 'zh-CN';
let signedOut = 0;

function answer(status: number, body: unknown): void {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body === null ? '' : JSON.stringify(body), { status })));
}

const fieldError = {
  error: { code: 'mobile_format', field: 'mobile', message: '手机号应为11位数字', message_en: 'a mobile number has 11 digits' },
};

describe('request pipeline', () => {
  beforeEach(() => {
    shown.length = 0;
    language = 'zh-CN';
    signedOut = 0;
    setCsrfToken(null);
    setErrorPresenter({ language: () => language, show: (m) => shown.push(m), signedOut: () => signedOut++ });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('returns the parsed body and sends JSON with the language', async () => {
    answer(200, { id: 1 });
    await expect(request<{ id: number }>('/people/1')).resolves.toEqual({ id: 1 });
    const [url, init] = vi.mocked(fetch).mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/people/1');
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('zh-CN');
  });

  it('shows an error in the current language and throws it', async () => {
    language = 'en';
    answer(422, fieldError);
    await expect(request('/people', { method: 'POST', body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(shown).toEqual(['a mobile number has 11 digits']);
  });

  it('leaves an error on a field the caller handles to the caller', async () => {
    answer(422, fieldError);
    const error = await request('/people', { method: 'POST', body: {}, fieldsHandled: ['mobile'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'mobile_format', field: 'mobile' });
    expect(shown).toEqual([]);
  });

  it('reports a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('failed'); }));
    await expect(request('/health')).rejects.toMatchObject({ code: 'network' });
    expect(shown).toHaveLength(1);
  });

  it('sends the CSRF token on writes only, and the cookie of the same origin', async () => {
    setCsrfToken('tok-1');
    answer(200, { ok: true });
    await request('/people/1');
    await request('/people/1', { method: 'PATCH', body: {} });
    await request('/auth/sessions/abc', { method: 'DELETE' });
    const calls = vi.mocked(fetch).mock.calls as [string, RequestInit][];
    const header = (i: number) => (calls[i][1].headers as Record<string, string>)['X-CSRF-Token'];
    expect(header(0)).toBeUndefined();
    expect(header(1)).toBe('tok-1');
    expect(header(2)).toBe('tok-1');
    expect(calls.every(([, init]) => init.credentials === 'same-origin')).toBe(true);
  });

  it('hands a 401 to the sign-in step without a message, and forgets the token', async () => {
    setCsrfToken('tok-1');
    answer(401, { error: { code: 'session_expired', field: null, message: '会话已过期', message_en: 'session expired' } });
    await expect(request('/organisations')).rejects.toMatchObject({ code: 'session_expired' });
    expect(signedOut).toBe(1);
    expect(shown).toEqual([]);
    answer(200, {});
    await request('/people', { method: 'POST', body: {} });
    const [, init] = vi.mocked(fetch).mock.calls[0] as [string, RequestInit];
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it('leaves a 401 of the sign-in form to the form', async () => {
    answer(401, { error: { code: 'login_failed', field: null, message: '用户名或密码错误', message_en: 'wrong' } });
    await expect(request('/auth/login', { method: 'POST', body: {}, unauthenticatedHandled: true })).rejects.toMatchObject({ code: 'login_failed' });
    expect(signedOut).toBe(0);
  });

  it('keeps the findings of a staffing refusal and does not show codes the caller handles', async () => {
    const finding = { kind: 'role_count', rule: 'rules.township.role_counts.executive', message: '执委 33 人，应为 22–32 人' };
    answer(409, { error: { code: 'staffing_rule_broken', field: 'rules.township.role_counts.executive', message: 'x', message_en: 'x', findings: [finding] } });
    const error = await request('/positions', { method: 'POST', body: {}, codesHandled: ['staffing_rule_broken'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'staffing_rule_broken', findings: [finding] });
    expect(shown).toEqual([]);
  });
});
