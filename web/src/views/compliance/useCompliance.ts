// The compliance page's state: a subtree (default her own organisation), a date, a baseline
// date, and the answer: counts now and at the baseline, and the failing bodies page by page.
import { reactive, ref, watch } from 'vue';
import { staffingApi } from '@/api/staffing';
import type { IsoDate } from '@/api/types';
import type { Compliance, Counts } from '@/api/staffing-types';
import { todayIso } from '@/domain/dates';

export const campaignBaseline: IsoDate = '2016-06-01';

/** Share of bodies that meet the rules, as a whole percentage (0 when there are none). */
export function meetsShare(c: Counts): number {
  return c.bodies === 0 ? 0 : Math.round((c.meets * 100) / c.bodies);
}

export function useCompliance(defaultWithin: () => number | null) {
  const filters = reactive<{ within: number | null; on: IsoDate; baseline: IsoDate; page: number }>({
    within: defaultWithin(),
    on: todayIso(),
    baseline: campaignBaseline,
    page: 1,
  });
  const result = ref<Compliance | null>(null);
  const loading = ref(false);
  const pageSize = 20;

  async function load(): Promise<void> {
    loading.value = true;
    try {
      result.value = await staffingApi.compliance({
        within: filters.within ?? undefined,
        on: filters.on,
        baseline: filters.baseline,
        page: filters.page,
        page_size: pageSize,
      });
    } catch {
      result.value = null;
    } finally {
      loading.value = false;
    }
  }

  watch(() => filters.page, () => void load());
  watch(
    () => [filters.within, filters.on, filters.baseline],
    () => {
      if (filters.page === 1) void load();
      else filters.page = 1;
    },
  );

  return { filters, result, loading, pageSize, load };
}
