// The compliance page's state, all of it in the URL (scope, date, baseline, status filter, sort,
// page): Back, reload and a shared link return to the same view. The answer for a scope and dates
// is asked once; filtering, sorting and paging the failing bodies happen here. The township of
// each failing body on the page is looked up from its path (village names repeat across townships).
import { computed, ref } from 'vue';
import { staffingApi } from '@/api/staffing';
import { organisationsApi } from '@/api/organisations';
import type { IsoDate, OrganisationDetail, PathStep } from '@/api/types';
import type { Compliance, Counts } from '@/api/staffing-types';
import { todayIso } from '@/domain/dates';
import { queryField, useQueryState, type QuerySchema } from '@/components/useQueryState';
import { failingSorts, pageOf, viewFailing, type FailingSort, type SortOrder } from './failing';

export const campaignBaseline: IsoDate = '2016-06-01';

/** Share of bodies that meet the rules, as a whole percentage (0 when there are none). */
export function meetsShare(c: Counts): number {
  return c.bodies === 0 ? 0 : Math.round((c.meets * 100) / c.bodies);
}

export interface ComplianceState {
  within: number | null;
  on: IsoDate;
  baseline: IsoDate;
  status: 'short' | 'over' | '';
  sort: FailingSort | '';
  order: SortOrder | '';
  page: number;
}

export function complianceSchema(ownOrganisation: () => number | null): QuerySchema<ComplianceState> {
  return {
    within: { ...queryField.id(), fallback: ownOrganisation },
    on: queryField.date(todayIso),
    baseline: queryField.date(() => campaignBaseline),
    status: queryField.oneOf(['short', 'over'] as const, ''),
    sort: queryField.oneOf(failingSorts, ''),
    order: queryField.oneOf(['asc', 'desc'] as const, ''),
    page: queryField.int(1),
  };
}

const townshipTypes = new Set(['township', 'street']);

export function useCompliance(ownOrganisation: () => number | null) {
  const result = ref<Compliance | null>(null);
  const scope = ref<OrganisationDetail | null>(null);
  const loading = ref(false);
  const pageSize = 20;
  const paths = ref<Record<number, PathStep[]>>({});
  let asked = '';

  const districtName = (id: number | null) => result.value?.current.by_district.find((d) => d.organisation_id === id)?.name ?? '';

  const { state, commit, set } = useQueryState(complianceSchema(ownOrganisation), (s) => void load(s));

  const failing = computed(() => (result.value ? viewFailing(result.value.failing.items, state, districtName) : []));
  const rows = computed(() =>
    pageOf(failing.value, state.page, pageSize).map((b) => ({
      ...b,
      district: districtName(b.district_id),
      township: (paths.value[b.organisation_id] ?? []).slice(0, -1).filter((s) => townshipTypes.has(s.type)).pop()?.name ?? null,
    })),
  );

  async function load(s: ComplianceState): Promise<void> {
    const key = `${s.within}|${s.on}|${s.baseline}`;
    if (key !== asked) {
      loading.value = true;
      try {
        const [answer, detail] = await Promise.all([
          staffingApi.compliance({ within: s.within ?? undefined, on: s.on, baseline: s.baseline }),
          s.within !== null ? organisationsApi.get(s.within).catch(() => null) : Promise.resolve(null),
        ]);
        result.value = answer;
        scope.value = detail;
        asked = key;
      } catch {
        result.value = null;
      } finally {
        loading.value = false;
      }
    }
    await loadPaths();
  }

  /** The paths of the bodies on the page shown (kept, so paging back asks nothing). */
  async function loadPaths(): Promise<void> {
    const missing = rows.value.map((r) => r.organisation_id).filter((id) => !(id in paths.value));
    if (missing.length === 0) return;
    const found = await Promise.all(missing.map((id) => organisationsApi.get(id).then((o) => [id, o.path] as const).catch(() => [id, []] as const)));
    paths.value = { ...paths.value, ...Object.fromEntries(found) };
  }

  /** Scope, dates or filter changed: written to the URL (a new history entry), back to page 1. */
  function apply(): void {
    void commit();
  }

  function drillInto(organisationId: number): void {
    void set({ within: organisationId, page: 1 });
  }

  function toPage(page: number): void {
    void set({ page });
  }

  function sortBy(sort: FailingSort | '', order: SortOrder | ''): void {
    void set({ sort: order === '' ? '' : sort, order, page: 1 }, { replace: true });
  }

  return { state, result, scope, loading, pageSize, failing, rows, apply, drillInto, toPage, sortBy };
}
