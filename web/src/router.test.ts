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

describe('the public apply pages', () => {
  it('are a notice by its slug and the status of a receipt code, with or without it; the status route is not read as a slug', async () => {
    const { router } = await import('./router');
    expect(router.resolve('/apply/abcdefghijklmnopqrstuvwxyz').name).toBe('apply');
    expect(router.resolve('/apply/abcdefghijklmnopqrstuvwxyz').meta.public).toBe(true);
    expect(router.resolve('/apply/status').name).toBe('apply-status');
    expect(router.resolve('/apply/status/K7QM-2XPD-9ARF-0B3C-HW5N').name).toBe('apply-status');
    expect(router.resolve('/apply/status/K7QM-2XPD-9ARF-0B3C-HW5N').meta.public).toBe(true);
    expect(router.resolve('/notices/3').name).toBe('notice');
    expect(router.resolve('/notices/3').meta.public).toBeUndefined();
  });
});
