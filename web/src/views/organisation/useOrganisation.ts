// The organisation page's state: the body, its children and its roster as of a date.
import { computed, ref, watch } from 'vue';
import { organisationsApi } from '@/api/organisations';
import type { IsoDate, Organisation, OrganisationDetail, RosterEntry } from '@/api/types';
import { todayIso } from '@/domain/dates';
import { entryLabel, useDictionaryStore } from '@/stores/dictionaries';
import { useNavigationStore } from '@/stores/navigation';
import { i18n } from '@/i18n';
import { summariseRoster } from './rosterSummary';

export function useOrganisation(id: number) {
  const dictionaries = useDictionaryStore();
  const navigation = useNavigationStore();

  const organisation = ref<OrganisationDetail | null>(null);
  const children = ref<Organisation[]>([]);
  const roster = ref<RosterEntry[]>([]);
  const asOf = ref<IsoDate>(todayIso());
  const loading = ref(true);
  const rosterLoading = ref(false);
  const notFound = ref(false);

  const summary = computed(() =>
    summariseRoster(roster.value, dictionaries.lists?.role ?? [], (e) => entryLabel(e, i18n.global.locale.value)),
  );

  async function loadOrganisation(): Promise<void> {
    try {
      const [detail, kids] = await Promise.all([
        organisationsApi.get(id),
        organisationsApi.children(id, true),
        dictionaries.load(),
      ]);
      organisation.value = detail;
      children.value = kids.items;
      navigation.show(detail.path);
    } catch {
      notFound.value = organisation.value === null;
    }
  }

  async function loadRoster(): Promise<void> {
    rosterLoading.value = true;
    try {
      roster.value = (await organisationsApi.roster(id, asOf.value)).items;
    } catch {
      roster.value = [];
    } finally {
      rosterLoading.value = false;
    }
  }

  async function reload(): Promise<void> {
    await Promise.all([loadOrganisation(), loadRoster()]);
    loading.value = false;
  }

  watch(asOf, () => void loadRoster());

  return { organisation, children, roster, asOf, summary, loading, rosterLoading, notFound, reload, loadRoster };
}
