import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { fileNameOf, request, requestFile, setCsrfToken, setErrorPresenter, uploadFile } from './http';

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

  it('shows nothing for a caller that shows every error itself, a lost connection included', async () => {
    answer(429, { error: { code: 'too_many_requests', field: '', message: '查询过于频繁，请稍后再试', message_en: 'too many requests' } });
    await expect(request('/public/certificates/x', { silent: true })).rejects.toMatchObject({ status: 429, code: 'too_many_requests' });
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('failed'); }));
    await expect(request('/public/certificates/x', { silent: true })).rejects.toMatchObject({ code: 'network' });
    expect(shown).toEqual([]);
  });

  it('keeps the findings of a staffing refusal and does not show codes the caller handles', async () => {
    const finding = { kind: 'role_count', rule: 'rules.township.role_counts.executive', message: '执委 33 人，应为 22–32 人' };
    answer(409, { error: { code: 'staffing_rule_broken', field: 'rules.township.role_counts.executive', message: 'x', message_en: 'x', findings: [finding] } });
    const error = await request('/positions', { method: 'POST', body: {}, codesHandled: ['staffing_rule_broken'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'staffing_rule_broken', findings: [finding] });
    expect(shown).toEqual([]);
  });
});

/** A stand-in XMLHttpRequest that answers `status` with `body` after reporting some upload progress. */
function fakeXhr(status: number, body: unknown) {
  const sent: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  class Fake {
    status = 0;
    responseText = '';
    upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    private req = { method: '', url: '', headers: {} as Record<string, string>, body: null as unknown };
    open(method: string, url: string) {
      this.req.method = method;
      this.req.url = url;
    }
    setRequestHeader(k: string, v: string) {
      this.req.headers[k] = v;
    }
    send(b: unknown) {
      this.req.body = b;
      sent.push(this.req);
      this.upload.onprogress?.({ loaded: 50, total: 100, lengthComputable: true });
      this.upload.onprogress?.({ loaded: 100, total: 100, lengthComputable: true });
      this.status = status;
      this.responseText = body === null ? '' : JSON.stringify(body);
      this.onload?.();
    }
  }
  vi.stubGlobal('XMLHttpRequest', Fake);
  return sent;
}

describe('files in and out', () => {
  beforeEach(() => {
    shown.length = 0;
    signedOut = 0;
    setCsrfToken(null);
    setErrorPresenter({ language: () => 'zh-CN', show: (m) => shown.push(m), signedOut: () => signedOut++ });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reads the file name the server gives, Chinese names percent-encoded', () => {
    expect(fileNameOf(`attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('二八镇妇联-名册.xlsx')}`, 'x.xlsx')).toBe('二八镇妇联-名册.xlsx');
    expect(fileNameOf('attachment; filename="roster.xlsx"', 'x.xlsx')).toBe('roster.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameOf("attachment; filename*=UTF-8''%E4%ZZ", 'x.xlsx')).toBe('x.xlsx');
  });

  it('downloads a file with its name, and shows a refusal in Chinese', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('PK', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="a.xlsx"' } })));
    const file = await requestFile('/people.xlsx', { q: '王' });
    expect(file.fileName).toBe('a.xlsx');
    expect(await file.blob.text()).toBe('PK');
    expect(vi.mocked(fetch).mock.calls[0][0]).toBe(`/api/people.xlsx?q=${encodeURIComponent('王')}`);
    answer(422, { error: { code: 'export_too_large', message: '超过 100000 行，请缩小筛选范围', message_en: 'too many rows' } });
    await expect(requestFile('/people.xlsx')).rejects.toMatchObject({ code: 'export_too_large' });
    expect(shown).toEqual(['超过 100000 行，请缩小筛选范围']);
  });

  it('uploads the raw file with the CSRF token and reports progress', async () => {
    setCsrfToken('tok-9');
    const sent = fakeXhr(202, { id: 4, state: 'checking' });
    const progress: number[] = [];
    const file = new Blob(['姓名,身份证号']);
    const job = await uploadFile<{ id: number }>('/imports', { kind: 'roster', within: 3, file_name: '名册.csv' }, file, (l, t) => progress.push(l / t));
    expect(job).toEqual({ id: 4, state: 'checking' });
    expect(progress).toEqual([0.5, 1]);
    expect(sent[0].method).toBe('POST');
    expect(sent[0].url).toBe(`/api/imports?kind=roster&within=3&file_name=${encodeURIComponent('名册.csv')}`);
    expect(sent[0].headers['X-CSRF-Token']).toBe('tok-9');
    expect(sent[0].headers['Content-Type']).toBe('application/octet-stream');
    expect(sent[0].body).toBe(file);
  });

  it('stops an upload when its signal is aborted, and shows nothing', async () => {
    let aborted = 0;
    class Sending {
      upload = { onprogress: null };
      onabort: (() => void) | null = null;
      open() {}
      setRequestHeader() {}
      send() {} // still sending: no answer until aborted
      abort() {
        aborted++;
        this.onabort?.();
      }
    }
    vi.stubGlobal('XMLHttpRequest', Sending);
    const stop = new AbortController();
    const sending = uploadFile('/imports', {}, new Blob(['x']), undefined, { signal: stop.signal });
    stop.abort();
    await expect(sending).rejects.toMatchObject({ code: 'aborted', status: 0 });
    expect(aborted).toBe(1);
    expect(shown).toEqual([]);
    // a signal aborted before the start sends nothing
    await expect(uploadFile('/imports', {}, new Blob(['x']), undefined, { signal: stop.signal })).rejects.toMatchObject({ code: 'aborted' });
    expect(aborted).toBe(1);
  });

  it('shows an upload’s refusal and hands a 401 to the sign-in step', async () => {
    fakeXhr(409, { error: { code: 'import_busy', message: '上一个文件还在处理中，请稍候', message_en: 'busy' } });
    await expect(uploadFile('/imports', {}, new Blob(['x']))).rejects.toMatchObject({ code: 'import_busy', status: 409 });
    expect(shown).toEqual(['上一个文件还在处理中，请稍候']);
    fakeXhr(401, null);
    await expect(uploadFile('/imports', {}, new Blob(['x']))).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toBe(1);
  });
});
