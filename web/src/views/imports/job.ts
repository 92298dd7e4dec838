// The import page's plain rules: which files may go, how far a job is, what to show for its state,
// and the query of each list export. Pure: unit-tested without a browser.
import type { BodyType } from '@/api/types';
import { fileProblem as checkFile, type FileProblem } from '@/domain/files';
import type { ImportJob, ImportKind, ImportReport, ImportRow, ImportState, RowOutcome } from '@/api/imports';

/** The server refuses bodies over 20 MiB (413 file_too_large); the page says so before sending. */
export const maxUploadBytes = 20 * 1024 * 1024;
export const uploadExtensions = ['.xlsx', '.xls', '.csv'] as const;
/** How often a job is asked about while the server works on it. */
export const pollMs = 500;

export type { FileProblem };

/** Why a chosen file cannot be sent (checked in the browser, before the upload), or null. */
export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  return checkFile(file, { extensions: uploadExtensions, maxBytes: maxUploadBytes });
}

/** The server is still working on it: poll again. */
export function isWorking(state: ImportState): boolean {
  return state === 'checking' || state === 'committing';
}

/** What the page shows for a job: the check, the dry run to review, the work of the commit, its result, or a dead end. */
export type Stage = 'checking' | 'review' | 'committing' | 'done' | 'refused' | 'failed';

export function stageOf(job: Pick<ImportJob, 'state'>): Stage {
  switch (job.state) {
    case 'checking':
      return 'checking';
    case 'checked':
      return 'review';
    case 'committing':
      return 'committing';
    case 'committed':
      return 'done';
    case 'refused':
      return 'refused';
    default:
      return 'failed';
  }
}

/**
 * Whether 确认导入 is offered: after the dry run, or again after a refusal (e.g. now skipping the faulty rows),
 * when some row is valid; to an administrator also when every row has an error, since rows past a staffing
 * maximum are errors that her reason lets through.
 */
export function mayCommit(job: Pick<ImportJob, 'state' | 'report'>, canOverride = false): boolean {
  if ((job.state !== 'checked' && job.state !== 'refused') || job.report === null) return false;
  return job.report.valid > 0 || (canOverride && job.report.invalid > 0);
}

/**
 * What leaving the page would cost her, asked before she goes: the file still being sent (leaving stops it), or a
 * dry run without a single error that she has not confirmed (nothing is stored yet, though the job waits in the
 * recent list). Not asked with errors in the file (she leaves to mend it), nor while the server works or after.
 */
export type LeaveQuestion = 'uploading' | 'unconfirmed';

export function leaveQuestion(uploading: boolean, job: Pick<ImportJob, 'state' | 'report'> | null): LeaveQuestion | null {
  if (uploading) return 'uploading';
  if (job?.state === 'checked' && job.report !== null && job.report.invalid === 0 && job.report.valid > 0) return 'unconfirmed';
  return null;
}

/**
 * 导入 in the confirmation: with faulty rows the server stores nothing unless 只导入无误的行 is ticked, or (for an
 * administrator) a reason lets rows past a staffing maximum through; until then the button would only earn a refusal.
 */
export function commitReady(invalid: number, skipInvalid: boolean, overrideReason: string | null): boolean {
  return invalid === 0 || skipInvalid || (overrideReason !== null && overrideReason.trim() !== '');
}

/** 放弃 is refused by the server while the commit runs. */
export function mayDiscard(job: Pick<ImportJob, 'state'>): boolean {
  return job.state !== 'committing';
}

/** Whole percent of the rows judged (0 until the sheet is read: total 0). */
export function percent(done: number, total: number): number {
  if (!(total > 0) || !(done > 0)) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}

/** The row list's filter: '' is the default (the errors when there are any, else every row); 'all' every row. */
export type OutcomeFilter = RowOutcome | 'all' | '';

export function outcomeQuery(filter: OutcomeFilter, report: Pick<ImportReport, 'invalid'> | null): RowOutcome | undefined {
  if (filter === '') return report !== null && report.invalid > 0 ? 'error' : undefined;
  return filter === 'all' ? undefined : filter;
}

/** The filter as the radio group shows it ('' shown as what it stands for). */
export function shownOutcome(filter: OutcomeFilter, report: Pick<ImportReport, 'invalid'> | null): RowOutcome | 'all' {
  return outcomeQuery(filter, report) ?? 'all';
}

/** The survey archives' imports count entries, not people and positions. */
export function isArchive(kind: ImportKind | ''): boolean {
  return kind === 'outstanding-women' || kind === 'social-organisations';
}

export interface CountCell {
  /** locale key of its label, under imports.count */
  label: string;
  value: number;
  /** shown in red when above zero */
  bad?: boolean;
}

/**
 * The dry run's counts in words that fit what is imported: a roster's people and positions; an archive's entries
 * (and, for outstanding women, the women registered from their rows; a social organisation is no person).
 */
export function countCells(kind: ImportKind, r: ImportReport): CountCell[] {
  const middle: CountCell[] = !isArchive(kind)
    ? [
        { label: 'createdPeople', value: r.created_people },
        { label: 'updatedPeople', value: r.updated_people },
        { label: 'createdPositions', value: r.created_positions },
        { label: 'updatedPositions', value: r.updated_positions ?? 0 },
      ]
    : [
        { label: 'createdEntries', value: r.created_entries ?? r.created_positions },
        { label: 'updatedEntries', value: r.updated_entries ?? r.updated_people },
        ...(kind === 'outstanding-women' ? [{ label: 'registeredPeople', value: r.created_people }] : []),
      ];
  return [{ label: 'rows', value: r.rows }, ...middle, { label: 'unchanged', value: r.unchanged }, { label: 'invalid', value: r.invalid, bad: true }];
}

/** The result's sentence: its locale key and values. */
export function doneText(kind: ImportKind, r: ImportReport): { key: string; values: Record<string, number> } {
  if (!isArchive(kind)) {
    return { key: 'imports.doneCounts', values: { people: r.created_people, updated: r.updated_people, positions: r.created_positions, corrected: r.updated_positions ?? 0, unchanged: r.unchanged } };
  }
  return {
    key: kind === 'outstanding-women' ? 'imports.doneCountsWomen' : 'imports.doneCountsSocial',
    values: { created: r.created_entries ?? r.created_positions, updated: r.updated_entries ?? r.updated_people, people: r.created_people, unchanged: r.unchanged },
  };
}

/** A changed value as a clerk reads it: blank as a dash. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

/** A row's errors, each with the file's column named: "身份证号：校验位错误". */
export function rowErrors(row: { errors?: ImportRow['errors'] }, language: string): string[] {
  return (row.errors ?? []).map((e) => {
    const message = language === 'en' ? e.message_en || e.message : e.message;
    return e.column ? `${e.column}${language === 'en' ? ': ' : '：'}${message}` : message;
  });
}

/** The error of a refused or failed job in the current language. */
export function jobError(job: Pick<ImportJob, 'error'>, language: string): string | null {
  if (!job.error) return null;
  return language === 'en' ? job.error.message_en || job.error.message : job.error.message;
}

export interface TemplateLink {
  kind: string;
  /** locale key of its name */
  label: string;
  /** for members templates: the body type (its name comes from bodyType.*) */
  bodyType?: BodyType;
}

export const bodyTypes: readonly BodyType[] = [
  'city', 'district', 'county', 'county_city', 'street', 'township', 'community', 'village', 'village_congress',
];

/** The templates for what is imported: a roster uses one per body type (its roles) or the people sheet. */
export function templatesFor(kind: ImportKind | ''): TemplateLink[] {
  if (kind === 'outstanding-women') return [{ kind: 'outstanding-women', label: 'imports.template.outstandingWomen' }];
  if (kind === 'social-organisations') return [{ kind: 'social-organisations', label: 'imports.template.socialOrganisations' }];
  return [
    ...bodyTypes.map((t) => ({ kind: `members:${t}`, label: 'imports.template.members', bodyType: t })),
    { kind: 'people', label: 'imports.template.people' },
  ];
}

/** The path of a template's download (kinds are lower-case words and a colon, safe in a path as they are). */
export function templatePath(kind: string): string {
  if (!/^[a-z_:-]{1,60}$/.test(kind)) throw new Error(`not a template kind: ${kind}`);
  return `/templates/${kind}`;
}
