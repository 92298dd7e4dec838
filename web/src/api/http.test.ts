import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { request, setErrorPresenter } from './http';

const shown: string[] = [];
let language: 'zh-CN' | 'en' = 'zh-CN';

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
    setErrorPresenter({ language: () => language, show: (m) => shown.push(m) });
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
});
