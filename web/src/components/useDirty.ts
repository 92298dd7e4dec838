// Whether a form differs from what it held when it opened: typed data that a close would throw
// away. The snapshot is taken on the first call (or by reset(), e.g. after the form was filled
// from the server); values are compared as JSON, so a field typed and then cleared is not dirty.
import { computed, ref } from 'vue';

export function snapshotOf(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.trim() : v)) ?? '';
}

export function useDirty(source: () => unknown) {
  const initial = ref(snapshotOf(source()));
  const dirty = computed(() => snapshotOf(source()) !== initial.value);

  /** The current values become the clean state (after loading or saving). */
  function reset(): void {
    initial.value = snapshotOf(source());
  }

  return { dirty, reset };
}
