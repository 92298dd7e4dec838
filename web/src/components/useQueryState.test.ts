import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { formatQuery, parseQuery, queryField, useQueryState, type QuerySchema } from './useQueryState';

interface ListState {
  within: number | null;
  on: string;
  status: 'short' | 'over' | '';
  q: string;
  page: number;
}

const schema: QuerySchema<ListState> = {
  within: { ...queryField.id(), fallback: () => 1 },
  on: queryField.date(() => '2026-11-30'),
  status: queryField.oneOf(['short', 'over'] as const, ''),
  q: queryField.text(),
  page: queryField.int(1),
};

describe('list state in the URL', () => {
  it('reads typed values and falls back on anything unreadable', () => {
    expect(parseQuery(schema, { within: '12', on: '2016-09-20', status: 'over', q: '红星', page: '3' })).toEqual({
      within: 12, on: '2016-09-20', status: 'over', q: '红星', page: 3,
    });
    expect(parseQuery(schema, { within: 'x', on: '20-9-2016', status: 'bad', page: '0' })).toEqual({
      within: 1, on: '2026-11-30', status: '', q: '', page: 1,
    });
  });

  it('writes only what differs from the defaults', () => {
    expect(formatQuery(schema, { within: 1, on: '2026-11-30', status: '', q: '', page: 1 })).toEqual({});
    expect(formatQuery(schema, { within: 5, on: '2016-09-20', status: 'short', q: '张', page: 2 })).toEqual({
      within: '5', on: '2016-09-20', status: 'short', q: '张', page: '2',
    });
  });

  it('pushes a change (Back returns to it), goes to page 1 on a filter change, and follows Back', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/list', name: 'list', component: { render: () => null } }] });
    await router.push('/list?page=3&keep=yes');
    const seen: ListState[] = [];
    let api: ReturnType<typeof useQueryState<ListState>> | undefined;
    mount(defineComponent({ setup: () => { api = useQueryState(schema, (s) => seen.push({ ...s })); return () => h('div'); } }), {
      global: { plugins: [router] },
    });
    expect(seen).toEqual([{ within: 1, on: '2026-11-30', status: '', q: '', page: 3 }]);
    api!.state.status = 'over';
    await api!.commit();
    expect(router.currentRoute.value.query).toEqual({ keep: 'yes', status: 'over' });
    expect(seen.at(-1)).toMatchObject({ status: 'over', page: 1 });
    await api!.set({ page: 2 });
    expect(router.currentRoute.value.query).toMatchObject({ page: '2' });
    router.back();
    await new Promise((r) => setTimeout(r, 20));
    await nextTick();
    expect(api!.state.page).toBe(1);
    expect(seen.at(-1)).toMatchObject({ status: 'over', page: 1 });
    expect(seen).toHaveLength(4);
  });
});
