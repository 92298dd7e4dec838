// What both archive pages share: the paged list in the URL, the body it looks within (her own
// organisation unless she chose another; named after a reload), the column sort, and which entry
// a dialog is adding, editing or deleting.
import { computed, ref, shallowRef, watch } from 'vue';
import { organisationsApi } from '@/api/organisations';
import type { Page } from '@/api/types';
import { usePagedList } from '@/components/usePagedList';
import type { QuerySchema } from '@/components/useQueryState';
import { fromTableSort, type TableOrder } from '@/components/tableSort';
import { useSessionStore } from '@/stores/session';

interface ArchiveFilters {
  within: number | null;
  sort: string;
  order: 'asc' | 'desc' | '';
  page: number;
}

export function useArchiveList<S extends ArchiveFilters, T extends { id: number }>(
  schema: QuerySchema<S>,
  fetch: (state: S, pageSize: number) => Promise<Page<T>>,
  sortKeys: readonly S['sort'][],
) {
  const session = useSessionStore();
  const list = usePagedList(schema, fetch, 20);
  const { state } = list;

  /** The picker shows her own organisation while the URL names none (the server's default). */
  const within = computed<number | null>({
    get: () => state.within ?? session.organisationId,
    set: (id) => {
      state.within = id === session.organisationId ? null : id;
    },
  });
  // The body the URL names (a reload, a shared link, Back, or another one chosen), by its name:
  // the picker shows it, and a new entry goes to it.
  const preset = ref<{ id: number; name: string } | null>(null);
  watch(
    () => state.within,
    (id) => {
      if (id === null || preset.value?.id === id) return;
      void organisationsApi.get(id).then((o) => (preset.value = { id: o.id, name: o.name })).catch(() => undefined);
    },
    { immediate: true },
  );

  /** The body a new entry goes to by default: the one the list shows. */
  const withinBody = computed<{ id: number; name: string } | null>(() => {
    const me = session.me?.organisation;
    if (state.within === null) return me ? { id: me.id, name: me.name } : null;
    return preset.value?.id === state.within ? preset.value : null;
  });

  function onSort({ prop, order }: { prop: string | null; order: TableOrder }): void {
    void list.set({ ...fromTableSort(prop, order, sortKeys as readonly string[]), page: 1 } as Partial<S>, { replace: true });
  }

  const canWrite = computed(() => session.can.write);
  const editing = shallowRef<T | null>(null);
  const dialogOpen = ref(false);
  const deleting = shallowRef<T | null>(null);
  const deleteOpen = ref(false);

  function open(entry: T | null): void {
    editing.value = entry;
    dialogOpen.value = true;
  }

  /** A row of the table (Element Plus hands rows over untyped: found again by id). */
  const row = (id: number): T | null => list.items.value.find((x) => x.id === id) ?? null;

  function edit(id: number): void {
    if (row(id)) open(row(id));
  }

  function askDelete(id: number): void {
    deleting.value = row(id);
    deleteOpen.value = deleting.value !== null;
  }

  /** Removes the entry the delete dialog asked about. */
  function removeWith(remove: (entry: T) => Promise<unknown>): () => Promise<unknown> {
    return () => (deleting.value === null ? Promise.resolve() : remove(deleting.value));
  }

  return { ...list, within, preset, withinBody, onSort, removeWith, canWrite, editing, dialogOpen, deleting, deleteOpen, open, edit, askDelete };
}
