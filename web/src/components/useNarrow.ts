import { getCurrentScope, onScopeDispose, readonly, ref, type Ref } from 'vue';

/**
 * The phone breakpoint (a clerk in the field, 390 px wide): the same width as the
 * `@media (max-width: 600px)` rules in styles.css and the components.
 */
export const narrowQuery = '(max-width: 600px)';

/**
 * Whether the screen is phone-sized, kept up to date as the window or the phone turns.
 * A page renders its cards instead of a table, a dialog goes full-screen, the shell puts the tree
 * in a drawer. Without `matchMedia` (an old browser, a test without a window) it is wide.
 */
export function useNarrow(query: string = narrowQuery): Readonly<Ref<boolean>> {
  const list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const narrow = ref(list?.matches ?? false);
  if (list) {
    const update = (event: MediaQueryListEvent): void => {
      narrow.value = event.matches;
    };
    list.addEventListener('change', update);
    if (getCurrentScope()) onScopeDispose(() => list.removeEventListener('change', update));
  }
  return readonly(narrow);
}
