import { describe, expect, it } from 'vitest';
import type { RouteLocationNormalized } from 'vue-router';
import { returnTarget } from './router';

const at = (redirect: unknown) => ({ query: { redirect } }) as unknown as RouteLocationNormalized;

describe('the page to return to after signing in', () => {
  it('is the wanted path of this app, else the start page', () => {
    expect(returnTarget(at('/organisations/12?x=1'))).toBe('/organisations/12?x=1');
    expect(returnTarget(at('//evil.example/'))).toBe('/');
    expect(returnTarget(at('https://evil.example/'))).toBe('/');
    expect(returnTarget(at(undefined))).toBe('/');
  });
});

describe('the public pages', () => {
  it('are the sign-in page and a certificate’s verification page, with or without its code', async () => {
    const { router } = await import('./router');
    expect(router.resolve('/verify/e25w6ammkpdhnxtow6cyrgdvaq').meta.public).toBe(true);
    expect(router.resolve('/verify/e25w6ammkpdhnxtow6cyrgdvaq').name).toBe('verify');
    expect(router.resolve('/verify').name).toBe('verify');
    expect(router.resolve('/verify').meta.public).toBe(true);
    expect(router.resolve('/certificates').meta.public).toBeUndefined();
  });
});
