// The body's composition against the staffing rules in force on the roster's date.
import { ref, watch, type Ref } from 'vue';
import { staffingApi } from '@/api/staffing';
import type { IsoDate } from '@/api/types';
import type { Composition } from '@/api/staffing-types';

export function useComposition(id: number, on: Ref<IsoDate>) {
  const composition = ref<Composition | null>(null);

  async function loadComposition(): Promise<void> {
    try {
      composition.value = await staffingApi.composition(id, on.value);
    } catch {
      composition.value = null;
    }
  }

  watch(on, () => void loadComposition());
  return { composition, loadComposition };
}
