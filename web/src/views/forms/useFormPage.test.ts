import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { formsApi, type CellAnswer } from '@/api/forms';
import { todayIso } from '@/domain/dates';
import { form4 } from './form4.fixture';
import { useFormPage } from './useFormPage';

const people: CellAnswer = {
  kind: 'people',
  total: 1,
  page: 1,
  page_size: 50,
  items: [{ person_id: 41, name: '王秀英', organisation_id: 9, organisation_name: '二八镇妇联', role_label: '副主席' }],
};

async function start(url: string) {
  const get = vi.spyOn(formsApi, 'get').mockResolvedValue(form4);
  const cell = vi.spyOn(formsApi, 'cell').mockResolvedValue(people);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/forms/:n', name: 'form', component: { render: () => null } }] });
  await router.push(url);
  let api: ReturnType<typeof useFormPage> | undefined;
  const wrapper = mount(defineComponent({ setup: () => { api = useFormPage(4, () => 3); return () => h('div'); } }), { global: { plugins: [router] } });
  await flushPromises();
  return { router, api: api!, wrapper, get, cell };
}

describe('the form page’s state', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for her own organisation today with the server’s baseline when the URL says nothing', async () => {
    const { get, api } = await start('/forms/4');
    expect(get).toHaveBeenCalledWith(4, { within: 3, on: todayIso(), baseline: '' });
    expect(api.answer.value?.title).toBe(form4.title);
    expect(api.openCell.value).toBeNull();
  });

  it('opens a count as a new history entry and closes it with Back, without asking for the form again', async () => {
    const { router, api, get, cell } = await start('/forms/4?within=3&on=2016-09-20&baseline=2016-06-01');
    api.open({ row: 'township', column: 'members_after' });
    await flushPromises();
    expect(router.currentRoute.value.query).toMatchObject({ on: '2016-09-20', baseline: '2016-06-01', cell: 'township:members_after' });
    expect(cell).toHaveBeenCalledWith(4, { within: 3, on: '2016-09-20', baseline: '2016-06-01' }, 'township', 'members_after', 1);
    expect(api.openCell.value).toEqual({ row: 'township', column: 'members_after' });
    expect(api.cellAnswer.value).toEqual(people);
    router.back();
    await flushPromises();
    expect(router.currentRoute.value.query.cell).toBeUndefined();
    expect(api.openCell.value).toBeNull();
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('opens the count a shared link names, and closing it keeps the dates', async () => {
    const { router, api, cell } = await start('/forms/4?on=2016-09-20&cell=street:added');
    expect(cell).toHaveBeenCalledWith(4, { within: 3, on: '2016-09-20', baseline: '' }, 'street', 'added', 1);
    api.close();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ on: '2016-09-20' });
  });

  it('shows nothing for a count the form does not have', async () => {
    const { api } = await start('/forms/4?cell=nowhere:added');
    expect(api.openCell.value).toBeNull();
    const other = await start('/forms/4?cell=township:label');
    expect(other.api.openCell.value).toBeNull();
  });

  it('asks again when a date changes, and closes the open count', async () => {
    const { router, api, get } = await start('/forms/4?on=2016-09-20&cell=township:added');
    api.state.on = '2016-10-01';
    api.apply();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ on: '2016-10-01' });
    expect(get).toHaveBeenLastCalledWith(4, { within: 3, on: '2016-10-01', baseline: '' });
    expect(api.openCell.value).toBeNull();
  });
  it('turns the open count’s pages in place: the URL keeps the page, Back still closes the drill-down', async () => {
    const { router, api, cell } = await start('/forms/4?on=2016-09-20');
    api.open({ row: 'total', column: 'members_after' });
    await flushPromises();
    expect(api.openCell.value).toEqual({ row: 'total', column: 'members_after' });
    expect(cell).toHaveBeenLastCalledWith(4, { within: 3, on: '2016-09-20', baseline: '' }, 'total', 'members_after', 1);
    api.turnPage(2);
    await flushPromises();
    expect(router.currentRoute.value.query).toMatchObject({ cell: 'total:members_after', page: '2' });
    expect(cell).toHaveBeenLastCalledWith(4, { within: 3, on: '2016-09-20', baseline: '' }, 'total', 'members_after', 2);
    expect(api.cellAnswer.value).toEqual(people); // the list stays while the next page comes
    router.back();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ on: '2016-09-20' });
    expect(api.openCell.value).toBeNull();
  });

  it('opens another count from its first page', async () => {
    const { router, api } = await start('/forms/4?cell=township:added&page=3');
    api.open({ row: 'street', column: 'added' });
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ cell: 'street:added' });
  });

  it('has no 合计 row to open on a form without totals', async () => {
    vi.spyOn(formsApi, 'get').mockResolvedValue({ ...form4, totals: null });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/forms/:n', name: 'form', component: { render: () => null } }] });
    await router.push('/forms/4?cell=total:added');
    let api: ReturnType<typeof useFormPage> | undefined;
    mount(defineComponent({ setup: () => { api = useFormPage(4, () => 3); return () => h('div'); } }), { global: { plugins: [router] } });
    await flushPromises();
    expect(api!.openCell.value).toBeNull();
  });
});
