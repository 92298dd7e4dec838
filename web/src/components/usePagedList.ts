// A filtered, paged list: `fetch` asks the server for one page; a change of page reloads,
// `search()` goes back to page 1 (or reloads when already there). An error leaves the list empty
// (the pipeline has shown it).
import { ref, watch } from 'vue';
import type { Page } from '@/api/types';

export function usePagedList<T>(fetch: (page: number, pageSize: number) => Promise<Page<T>>, pageSize: number) {
  const page = ref(1);
  const items = ref<T[]>([]);
  const total = ref(0);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const answer = await fetch(page.value, pageSize);
      items.value = answer.items;
      total.value = answer.total;
    } catch {
      items.value = [];
      total.value = 0;
    } finally {
      loading.value = false;
    }
  }

  watch(page, () => void load());

  function search(): void {
    if (page.value === 1) void load();
    else page.value = 1;
  }

  return { page, items, total, loading, pageSize, load, search };
}
