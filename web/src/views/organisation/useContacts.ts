// A federation's contacts open today and its re-elections (newest first), for forms 1 and 2. Each
// list loads on its own; a refusal has been shown by the request pipeline, the list then stays empty.
import { ref, type Ref } from 'vue';
import { contactsApi, reelectionsApi, type Contact, type Reelection } from '@/api/contacts';

function useLoadedList<T>(fetch: () => Promise<{ items: T[] }>) {
  const items = ref<T[]>([]) as Ref<T[]>;
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = (await fetch()).items;
    } catch {
      items.value = [];
    } finally {
      loading.value = false;
    }
  }

  return { items, loading, load };
}

export function useContacts(organisationId: number) {
  const { items: contacts, loading, load } = useLoadedList<Contact>(() => contactsApi.list(organisationId));
  return { contacts, loading, load };
}

export function useReelections(organisationId: number) {
  const { items: reelections, loading, load } = useLoadedList<Reelection>(() => reelectionsApi.list(organisationId));

  /** Deletes a re-election entered by mistake (the page has asked first), then lists again; a refusal is thrown on. */
  async function remove(entry: Reelection): Promise<void> {
    await reelectionsApi.remove(entry.id);
    await load();
  }

  return { reelections, loading, load, remove };
}
