// Uploads as jobs and the list exports (docs/api-contract.md, issue 10 second step): the file is sent
// as it is, the server judges it in the background and the page polls the job.
import { http, requestFile, uploadFile, type DownloadedFile, type QueryValue, type UploadProgress } from './http';
import type { Page } from './types';

export const importKinds = ['roster', 'outstanding-women', 'social-organisations'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importStates = ['checking', 'checked', 'committing', 'committed', 'refused', 'failed'] as const;
export type ImportState = (typeof importStates)[number];

export const rowOutcomes = ['create', 'update', 'unchanged', 'error'] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

export interface ImportBody {
  organisation_id: number;
  organisation_name: string;
  members: number;
}

export interface ImportReport {
  sheet: string;
  header_row: number;
  rows: number;
  valid: number;
  invalid: number;
  created_people: number;
  updated_people: number;
  created_positions: number;
  /** roster imports: the positions she held whose 任职方式 or 来源 the rows correct (absent from older jobs) */
  updated_positions?: number;
  /** archive imports: the entries created and updated (0 on a roster; absent from jobs stored before the server counted them) */
  created_entries?: number;
  updated_entries?: number;
  unchanged: number;
  warnings: string[];
  committed: boolean;
  bodies: ImportBody[];
}

export interface ImportJob {
  id: number;
  kind: ImportKind;
  state: ImportState;
  file_name: string;
  size: number;
  sha256: string;
  organisation_id: number;
  organisation_name: string;
  progress: { done: number; total: number };
  report: ImportReport | null;
  error: { code: string; message: string; message_en: string } | null;
  created_at: string;
  updated_at: string;
}

export interface ImportRow {
  row: number;
  outcome: RowOutcome;
  name: string | null;
  creates_person: boolean;
  person_changes: { field: string; label: string; before: unknown; after: unknown }[];
  creates_position: boolean;
  /** the position she holds there: its 任职方式 or 来源 corrected (absent from older jobs) */
  position_changes?: { field: string; label: string; before: unknown; after: unknown }[];
  organisation: string | null;
  role: string | null;
  errors: { column: string | null; code: string; message: string; message_en: string }[];
}

export interface CommitOptions {
  skip_invalid: boolean;
  override_reason: string | null;
}

export const importsApi = {
  upload: (file: Blob, query: { kind: ImportKind; within: number | null; file_name: string }, onProgress?: UploadProgress, signal?: AbortSignal) =>
    uploadFile<ImportJob>('/imports', { kind: query.kind, within: query.within, file_name: query.file_name }, file, onProgress, { signal }),
  list: () => http.get<{ items: ImportJob[]; total: number }>('/imports'),
  get: (id: number) => http.get<ImportJob>(`/imports/${id}`),
  rows: (id: number, query: { outcome?: RowOutcome; page: number; page_size: number }) =>
    http.get<Page<ImportRow>>(`/imports/${id}/rows`, { ...query }),
  commit: (id: number, options: CommitOptions) => http.post<ImportJob>(`/imports/${id}/commit`, options),
  remove: (id: number) => http.delete<null>(`/imports/${id}`),
  errorWorkbook: (id: number) => requestFile(`/imports/${id}/errors.xlsx`, undefined, 'errors.xlsx'),
};

/** Downloads a sheet (a template or an export) and hands it to the browser to save. */
export async function downloadSheet(path: string, query?: Record<string, QueryValue>, fallbackName = 'export.xlsx'): Promise<void> {
  saveFile(await requestFile(path, query, fallbackName));
}

export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
