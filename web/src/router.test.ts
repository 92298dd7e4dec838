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
