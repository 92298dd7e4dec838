import { ref } from 'vue';
import { peopleApi } from '@/api/people';
import type { PersonDetail } from '@/api/types';
import { useDictionaryStore } from '@/stores/dictionaries';

export function usePerson(id: number) {
  const dictionaries = useDictionaryStore();
  const person = ref<PersonDetail | null>(null);
  const loading = ref(true);
  const notFound = ref(false);

  async function reload(): Promise<void> {
    try {
      const [detail] = await Promise.all([peopleApi.get(id), dictionaries.load()]);
      person.value = detail;
    } catch {
      notFound.value = person.value === null;
    } finally {
      loading.value = false;
    }
  }

  return { person, loading, notFound, reload };
}
