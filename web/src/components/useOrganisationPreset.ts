import { computed, ref, watch } from 'vue';
import { organisationsApi } from '@/api/organisations';

/**
 * The body a list is filtered by (its id kept in the URL), named for the picker after a reload or a shared
 * link: `preset` is the last body named; `withinBody` is it only while it is still the one chosen.
 */
export function useOrganisationPreset(chosen: () => number | null) {
  const preset = ref<{ id: number; name: string } | null>(null);
  watch(
    chosen,
    (id) => {
      if (id === null || preset.value?.id === id) return;
      void organisationsApi.get(id).then((o) => (preset.value = { id: o.id, name: o.name })).catch(() => undefined);
    },
    { immediate: true },
  );
  const withinBody = computed(() => (preset.value?.id === chosen() ? preset.value : null));
  return { preset, withinBody };
}
