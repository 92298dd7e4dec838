// The import page's state: what to import and where, the job on screen and the row list's filter and
// page, all in the URL (?job=ID: reload and Back return to the job); the job polled while the server
// works on it; the rows of its dry run (or commit); the account's recent jobs.
import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { importKinds, importsApi, rowOutcomes, type CommitOptions, type ImportJob, type ImportKind, type ImportRow } from '@/api/imports';
import type { ApiError } from '@/api/errors';
import { queryField, useQueryState, type QuerySchema } from '@/components/useQueryState';
import type { BodyType } from '@/api/types';
import { bodyTypes, fileProblem, isWorking, outcomeQuery, pollMs, type FileProblem, type OutcomeFilter } from './job';

export interface ImportView {
  kind: ImportKind | '';
  within: number | null;
  /** the body type of the roster template ('' = the account's own) */
  template: BodyType | '';
  job: number | null;
  outcome: OutcomeFilter;
  page: number;
}

export const importSchema: QuerySchema<ImportView> = {
  kind: queryField.oneOf(importKinds, 'roster'),
  within: queryField.id(),
  template: queryField.oneOf(bodyTypes, ''),
  job: queryField.id(),
  outcome: queryField.oneOf([...rowOutcomes, 'all'] as const, ''),
  page: queryField.int(1),
};

export const rowsPageSize = 20;

export function useImport() {
  const job = ref<ImportJob | null>(null);
  const missing = ref(false);
  const rows = shallowRef<ImportRow[]>([]);
  const rowsTotal = ref(0);
  const rowsLoading = ref(false);
  const uploading = ref(false);
  const uploadPercent = ref(0);
  /** Bytes sent of the file's size, for 已上传 352 KB / 859 KB. */
  const uploadSent = ref({ loaded: 0, total: 0 });
  // the upload under way: 取消上传 and leaving the page stop it
  let sending: AbortController | null = null;
  let unmounted = false;
  const recent = shallowRef<ImportJob[]>([]);
  let timer: ReturnType<typeof setTimeout> | null = null;
  // answers for a job no longer on screen are dropped
  let generation = 0;

  function stopPolling(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  async function loadRecent(): Promise<void> {
    try {
      recent.value = (await importsApi.list()).items;
    } catch {
      recent.value = [];
    }
  }

  async function loadRows(): Promise<void> {
    const current = job.value;
    if (!current || current.state === 'checking' || current.state === 'failed' || current.report === null) {
      rows.value = [];
      rowsTotal.value = 0;
      return;
    }
    const mine = generation;
    rowsLoading.value = true;
    try {
      const answer = await importsApi.rows(current.id, {
        outcome: outcomeQuery(state.outcome, current.report),
        page: state.page,
        page_size: rowsPageSize,
      });
      if (mine !== generation) return;
      rows.value = answer.items;
      rowsTotal.value = answer.total;
    } catch {
      if (mine !== generation) return;
      rows.value = [];
      rowsTotal.value = 0;
    } finally {
      if (mine === generation) rowsLoading.value = false;
    }
  }

  /** A job's answer arrived: keep polling while the server works, else show its rows. */
  function received(answer: ImportJob): void {
    job.value = answer;
    stopPolling();
    if (isWorking(answer.state)) {
      const mine = generation;
      timer = setTimeout(() => void poll(answer.id, mine), pollMs);
    } else {
      void loadRows();
      void loadRecent();
    }
  }

  async function poll(id: number, mine: number): Promise<void> {
    timer = null;
    try {
      const answer = await importsApi.get(id);
      if (mine === generation) received(answer);
    } catch {
      // shown by the pipeline; 刷新 asks again
    }
  }

  async function loadJob(id: number): Promise<void> {
    stopPolling();
    const mine = ++generation;
    missing.value = false;
    try {
      const answer = await importsApi.get(id);
      if (mine === generation) received(answer);
    } catch (e) {
      if (mine !== generation) return;
      job.value = null;
      missing.value = (e as ApiError).status === 404;
    }
  }

  function onChange(s: ImportView): void {
    if (s.job === null) {
      stopPolling();
      generation++;
      job.value = null;
      missing.value = false;
      rows.value = [];
      rowsTotal.value = 0;
    } else if (job.value?.id !== s.job) {
      job.value = null;
      rows.value = [];
      void loadJob(s.job);
    } else {
      void loadRows();
    }
  }

  const { state, set } = useQueryState(importSchema, onChange);
  void loadRecent();
  onBeforeUnmount(() => {
    unmounted = true;
    stopPolling();
    // a file still being sent when she leaves is stopped (she was asked): no job starts behind her back
    sending?.abort();
  });

  /** Sends the file (checked here first); the job goes into the URL. The problem, if the file may not go. */
  async function upload(file: File, within: number | null): Promise<FileProblem | null> {
    const problem = fileProblem(file);
    if (problem) return problem;
    uploading.value = true;
    uploadPercent.value = 0;
    uploadSent.value = { loaded: 0, total: file.size };
    const mine = new AbortController();
    sending = mine;
    try {
      const answer = await importsApi.upload(file, { kind: state.kind || 'roster', within, file_name: file.name }, (loaded, total) => {
        uploadPercent.value = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
        uploadSent.value = { loaded, total };
      }, mine.signal);
      // the page was left meanwhile: its URL is no longer hers to change
      if (unmounted) return null;
      generation++;
      received(answer);
      void loadRecent();
      await set({ job: answer.id, outcome: '', page: 1 });
    } catch {
      // shown by the pipeline (too large, busy with another file, no permission); a cancel shows nothing
    } finally {
      if (sending === mine) sending = null;
      uploading.value = false;
    }
    return null;
  }

  /** 取消上传: the file stops being sent; the page stays at the choice of a file. */
  function cancelUpload(): void {
    sending?.abort();
  }

  async function commit(options: CommitOptions): Promise<void> {
    const current = job.value;
    if (!current) return;
    const answer = await importsApi.commit(current.id, options);
    generation++;
    received(answer);
  }

  async function discard(): Promise<void> {
    const current = job.value;
    if (!current) return;
    await importsApi.remove(current.id);
    await set({ job: null, outcome: '', page: 1 });
    void loadRecent();
  }

  return {
    state,
    set,
    job,
    missing,
    rows,
    rowsTotal,
    rowsLoading,
    uploading,
    uploadPercent,
    uploadSent,
    recent,
    upload,
    cancelUpload,
    commit,
    discard,
    refresh: () => (state.job !== null ? loadJob(state.job) : loadRecent()),
    /** Back to choosing a file (the job stays in the recent list). */
    startOver: () => set({ job: null, outcome: '', page: 1 }),
    filterRows: (outcome: OutcomeFilter) => set({ outcome, page: 1 }, { replace: true }),
    toPage: (page: number) => set({ page }),
  };
}
