import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { narrowQuery, useNarrow } from './useNarrow';

/** A stand-in for window.matchMedia: one list per query, whose width can be changed by the test. */
function stubMatchMedia(initial: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const queries: string[] = [];
  const list = {
    matches: initial,
    addEventListener: (_: string, fn: (event: MediaQueryListEvent) => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: (event: MediaQueryListEvent) => void) => listeners.delete(fn),
  };
  vi.stubGlobal('matchMedia', (query: string) => {
    queries.push(query);
    return list;
  });
  return {
    queries,
    listeners,
    turn(matches: boolean) {
      list.matches = matches;
      for (const fn of listeners) fn({ matches } as MediaQueryListEvent);
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useNarrow', () => {
  it('asks for the phone breakpoint and starts from what the screen is', () => {
    const media = stubMatchMedia(true);
    const scope = effectScope();
    const narrow = scope.run(() => useNarrow())!;
    expect(media.queries).toEqual([narrowQuery]);
    expect(narrowQuery).toBe('(max-width: 600px)');
    expect(narrow.value).toBe(true);
    scope.stop();
  });

  it('follows the screen as it turns or the window is resized', () => {
    const media = stubMatchMedia(false);
    const scope = effectScope();
    const narrow = scope.run(() => useNarrow())!;
    expect(narrow.value).toBe(false);
    media.turn(true);
    expect(narrow.value).toBe(true);
    media.turn(false);
    expect(narrow.value).toBe(false);
    scope.stop();
  });

  it('stops listening when its component goes', () => {
    const media = stubMatchMedia(false);
    const scope = effectScope();
    scope.run(() => useNarrow());
    expect(media.listeners.size).toBe(1);
    scope.stop();
    expect(media.listeners.size).toBe(0);
  });

  it('takes another query', () => {
    const media = stubMatchMedia(false);
    const scope = effectScope();
    scope.run(() => useNarrow('(max-width: 900px)'));
    expect(media.queries).toEqual(['(max-width: 900px)']);
    scope.stop();
  });

  it('is wide where there is no matchMedia', () => {
    vi.stubGlobal('matchMedia', undefined);
    expect(useNarrow().value).toBe(false);
  });
});
