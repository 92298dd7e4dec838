import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { organisationsApi } from '@/api/organisations';
import { dictionariesApi } from '@/api/dictionaries';
import type { DictionaryEntry, OrganisationDetail, RosterEntry } from '@/api/types';
import { toApiError } from '@/api/errors';
import { useNavigationStore } from '@/stores/navigation';
import { useOrganisation } from './useOrganisation';

vi.mock('@/api/organisations', () => ({
  organisationsApi: { get: vi.fn(), children: vi.fn(), roster: vi.fn() },
}));
vi.mock('@/api/dictionaries', () => ({ dictionariesApi: { all: vi.fn() } }));

const congress: OrganisationDetail = {
  id: 40, parent_id: 30, type: 'village_congress', type_label: '村妇代会', name: '红星村妇代会', division_code: null,
  pilot: false, established_on: null, closed_on: null, open: true, depth: 3, child_count: 0, member_count: 2,
  path: [{ id: 1, name: '哈尔滨市妇联', type: 'city' }, { id: 40, name: '红星村妇代会', type: 'village_congress' }],
  allowed_child_types: [],
};

function role(code: string, label: string, sort_order: number): DictionaryEntry {
  return { code, label, label_en: code, short_label: null, sort_order, active: true, body_types: ['village_congress'] };
}

function entry(position_id: number, role: string): RosterEntry {
  return {
    position_id, person_id: position_id, name: `P${position_id}`, sex: 'female', birth_date: '1980-01-01', age: 46,
    ethnicity: null, political_status: null, education: null, work_unit: null, job_title: null, mobile_masked: null,
    role, role_label: role, manner: 'part_time', manner_label: '兼职', source: null, source_label: null,
    start_on: '2016-08-01', end_on: null,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('useOrganisation', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.mocked(organisationsApi.get).mockResolvedValue(congress);
    vi.mocked(organisationsApi.children).mockResolvedValue({ items: [], total: 0, page: 1, page_size: 200 });
    vi.mocked(organisationsApi.roster).mockReset();
    vi.mocked(organisationsApi.roster).mockResolvedValue({ organisation_id: 40, on: '2026-11-28', items: [entry(1, 'member'), entry(2, 'director')] });
    vi.mocked(dictionariesApi.all).mockResolvedValue({
      role: [role('director', '主任', 50), role('member', '委员', 70)],
      manner: [], source: [], ethnicity: [], political_status: [], education: [],
    });
  });

  it('loads the body, its roster summary, and tells the tree where we are', async () => {
    const o = useOrganisation(40);
    await o.reload();
    expect(o.organisation.value?.name).toBe('红星村妇代会');
    expect(o.loading.value).toBe(false);
    expect(o.summary.value).toEqual({
      roles: [{ role: 'director', label: '主任', count: 1 }, { role: 'member', label: '委员', count: 1 }],
      total: 2,
    });
    expect(useNavigationStore().currentPath.map((s) => s.id)).toEqual([1, 40]);
  });

  it('loads the roster again for another date', async () => {
    const o = useOrganisation(40);
    await o.reload();
    o.asOf.value = '2016-06-01';
    await nextTick();
    await flush();
    expect(vi.mocked(organisationsApi.roster).mock.calls.at(-1)).toEqual([40, '2016-06-01']);
  });

  it('says not found when the body does not exist', async () => {
    vi.mocked(organisationsApi.get).mockRejectedValue(toApiError(404, null));
    const o = useOrganisation(999);
    await o.reload();
    expect(o.notFound.value).toBe(true);
  });
});
