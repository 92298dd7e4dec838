// A filtered, paged list whose filters and page live in the URL (useQueryState): `fetch` asks the
// server for one page of the state; the list reloads whenever the URL's state changes (a search,
// a page, Back). An error leaves the list empty (the pipeline has shown it).
import { ref, shallowRef } from 'vue';
import type { Page } from '@/api/types';
import { useQueryState, type QuerySchema } from './useQueryState';

export function usePagedList<S extends object & { page: number }, T>(
  schema: QuerySchema<S>,
  fetch: (state: S, pageSize: number) => Promise<Page<T>>,
  pageSize: number,
) {
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const loading = ref(false);

  async function load(state: S): Promise<void> {
    loading.value = true;
    try {
      const answer = await fetch(state, pageSize);
      items.value = answer.items;
      total.value = answer.total;
    } catch {
      items.value = [];
      total.value = 0;
    } finally {
      loading.value = false;
    }
  }

  const { state, commit, set } = useQueryState(schema, (s) => void load(s));

  return {
    state,
    items,
    total,
    loading,
    pageSize,
    /** Filters changed: to the URL, back to page 1. */
    search: () => void commit(),
    toPage: (page: number) => void set({ page } as Partial<S>),
    set,
  };
}
