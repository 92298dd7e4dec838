import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { ImportJob } from '@/api/imports';
import { importsApi } from '@/api/imports';
import { useImport } from './useImport';

const report = { sheet: '成员', header_row: 2, rows: 3, valid: 2, invalid: 1, created_people: 2, updated_people: 0, created_positions: 2, unchanged: 0, warnings: [], committed: false, bodies: [] };
const job = (state: ImportJob['state'], done = 0): ImportJob => ({
  id: 7, kind: 'roster', state, file_name: '名册.csv', size: 120, sha256: 'ab', organisation_id: 3, organisation_name: '二八镇妇联',
  progress: { done, total: 3 }, report: state === 'checking' ? null : report, error: null, created_at: '', updated_at: '',
});

async function start(url: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/import', name: 'import', component: { render: () => null } }] });
  await router.push(url);
  let api: ReturnType<typeof useImport> | undefined;
  const wrapper = mount(defineComponent({ setup: () => { api = useImport(); return () => h('div'); } }), { global: { plugins: [router] } });
  await flushPromises();
  return { router, api: api!, wrapper };
}

describe('the import page’s job', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('polls the job in the URL every half second until the dry run is done, then loads its error rows', async () => {
    vi.useFakeTimers();
    vi.spyOn(importsApi, 'list').mockResolvedValue({ items: [], total: 0 });
    const get = vi.spyOn(importsApi, 'get').mockResolvedValueOnce(job('checking', 1)).mockResolvedValueOnce(job('checking', 2)).mockResolvedValue(job('checked', 3));
    const rows = vi.spyOn(importsApi, 'rows').mockResolvedValue({ items: [], total: 1, page: 1, page_size: 20 });
    const { api, wrapper } = await start('/import?job=7');
    expect(api.job.value?.progress.done).toBe(1);
    expect(rows).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(api.job.value?.progress.done).toBe(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(api.job.value?.state).toBe('checked');
    expect(get).toHaveBeenCalledTimes(3);
    // errors first when there are some
    expect(rows).toHaveBeenCalledWith(7, { outcome: 'error', page: 1, page_size: 20 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(get).toHaveBeenCalledTimes(3);
    wrapper.unmount();
  });

  it('puts an uploaded job into the URL and leaves it on discard', async () => {
    vi.spyOn(importsApi, 'list').mockResolvedValue({ items: [], total: 0 });
    vi.spyOn(importsApi, 'upload').mockResolvedValue(job('checked'));
    vi.spyOn(importsApi, 'get').mockResolvedValue(job('checked'));
    vi.spyOn(importsApi, 'rows').mockResolvedValue({ items: [], total: 0, page: 1, page_size: 20 });
    const remove = vi.spyOn(importsApi, 'remove').mockResolvedValue(null);
    const { api, router } = await start('/import?kind=outstanding-women');
    expect(await api.upload(new File(['x'], 'notes.docx'), null)).toBe('wrongType');
    expect(importsApi.upload).not.toHaveBeenCalled();
    expect(await api.upload(new File(['姓名'], '名册.csv'), 3)).toBeNull();
    expect(importsApi.upload).toHaveBeenCalledWith(expect.any(File), { kind: 'outstanding-women', within: 3, file_name: '名册.csv' }, expect.any(Function), expect.any(AbortSignal));
    expect(router.currentRoute.value.query).toMatchObject({ job: '7' });
    await api.discard();
    expect(remove).toHaveBeenCalledWith(7);
    expect(router.currentRoute.value.query.job).toBeUndefined();
    expect(api.job.value).toBeNull();
  });
  it('stops a file still being sent when she leaves the page, and writes no job into the page she went to', async () => {
    vi.spyOn(importsApi, 'list').mockResolvedValue({ items: [], total: 0 });
    let signal: AbortSignal | undefined;
    let answer: (j: ImportJob) => void = () => undefined;
    vi.spyOn(importsApi, 'upload').mockImplementation((_f, _q, progress, s) => {
      signal = s;
      progress?.(300, 1000);
      return new Promise<ImportJob>((resolve) => (answer = resolve));
    });
    const { api, router, wrapper } = await start('/import');
    const sent = api.upload(new File(['姓名'], '名册.csv'), 3);
    await flushPromises();
    expect(api.uploading.value).toBe(true);
    expect(api.uploadSent.value).toEqual({ loaded: 300, total: 1000 });
    await router.push('/import?kind=outstanding-women'); // she is elsewhere now (another query stands for another page)
    wrapper.unmount();
    expect(signal?.aborted).toBe(true);
    answer(job('checking')); // an answer that raced the abort
    await sent;
    await flushPromises();
    expect(router.currentRoute.value.query.job).toBeUndefined();
  });

  it('取消上传 stops the sending and stays at the choice of a file', async () => {
    vi.spyOn(importsApi, 'list').mockResolvedValue({ items: [], total: 0 });
    vi.spyOn(importsApi, 'upload').mockImplementation((_f, _q, _p, s) => new Promise<ImportJob>((_resolve, reject) => {
      s?.addEventListener('abort', () => reject(new Error('aborted')));
    }));
    const { api, router } = await start('/import');
    const sent = api.upload(new File(['姓名'], '名册.csv'), 3);
    await flushPromises();
    api.cancelUpload();
    expect(await sent).toBeNull();
    expect(api.uploading.value).toBe(false);
    expect(router.currentRoute.value.query.job).toBeUndefined();
  });
  it('keeps the template’s body type in the URL, a type it does not know as the account’s own', async () => {
    vi.spyOn(importsApi, 'list').mockResolvedValue({ items: [], total: 0 });
    expect((await start('/import?template=village_congress')).api.state.template).toBe('village_congress');
    expect((await start('/import?template=nowhere')).api.state.template).toBe('');
    const { api, router } = await start('/import');
    await api.set({ template: 'community' }, { replace: true });
    expect(router.currentRoute.value.query.template).toBe('community');
  });
});
