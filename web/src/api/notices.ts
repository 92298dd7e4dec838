// Recruitment notices and public self-nomination (docs/api-contract.md, "Issue 13 (step 2): recruitment
// notices and public self-nomination"). The staff routes go through the one pipeline (session cookie,
// CSRF token, errors shown in one place unless the form shows them); the public routes are sent without
// the session (no cookie, no CSRF token) and never show anything themselves: the public pages say every
// answer in their own flow, with the wait a 429 asks for (Retry-After).
import { ApiError, networkError, toApiError } from './errors';
import { buildUrl, http, request, requestFile, type DownloadedFile } from './http';
import type { Step } from './nominations';
import type { IsoDate, Page } from './types';
import { currentLanguage } from '@/i18n';

export const noticeStates = ['draft', 'published', 'closed'] as const;
export type NoticeState = (typeof noticeStates)[number];

export type Coverage = 'own' | 'villages';

/** Why a published notice takes no more self-nominations. */
export type ClosedReason = 'closed' | 'deadline_passed';

export interface NoticePlace {
  role: string;
  role_label: string;
  places: number;
}

export interface Notice {
  id: number;
  organisation_id: number;
  organisation_name: string;
  coverage: Coverage;
  title: string;
  places: NoticePlace[];
  duties: string;
  conditions: string;
  how_to_apply: string;
  contact: string | null;
  deadline: IsoDate;
  state: NoticeState;
  state_label: string;
  /** published, not closed and the deadline not past: self-nominations are taken */
  open: boolean;
  /** null for a draft */
  slug: string | null;
  /** null for a draft: `{public_url}/apply/{slug}`, or the path `/apply/{slug}` */
  public_url: string | null;
  published_at: string | null;
  closed_at: string | null;
  /** how many nominations came from it */
  nominations: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface NoticePlaceInput {
  role: string;
  places: number;
}

/** PUT takes the same body without organisation_id. */
export interface NoticeUpdate {
  coverage?: Coverage;
  title: string;
  places: NoticePlaceInput[];
  duties: string;
  conditions: string;
  how_to_apply: string;
  contact?: string;
  deadline: IsoDate;
}

export interface NoticeCreate extends NoticeUpdate {
  organisation_id: number;
}

export interface NoticesQuery {
  organisation_id?: number;
  state?: NoticeState;
  page?: number;
  page_size?: number;
}

// ---- public ----

export interface PublicNoticePlace {
  role: string;
  role_label: string;
  role_label_en: string;
  places: number;
}

export interface PublicNotice {
  title: string;
  organisation_name: string;
  coverage: Coverage;
  /** the bodies she may apply to: the body itself, or the township's open villages and communities */
  bodies: { id: number; name: string; roles?: string[] }[];
  places: PublicNoticePlace[];
  duties: string;
  conditions: string;
  how_to_apply: string;
  contact: string | null;
  deadline: IsoDate;
  open: boolean;
  closed_reason: ClosedReason | null;
}

export interface SelfNomination {
  organisation_id: number;
  role: string;
  name: string;
  id_number: string;
  mobile: string;
  statement?: string;
}

export interface Receipt {
  /** shown once: only its hash is kept */
  receipt_code: string;
  step: Step;
  step_label: string;
  step_label_en: string;
}

export interface NominationStatus {
  step: Step;
  step_label: string;
  step_label_en: string;
  organisation_name: string;
  role_label: string;
  role_label_en: string;
  notice_title: string;
  submitted_on: IsoDate;
  updated_on: IsoDate;
}

/** A refusal of a public route, with the seconds a 429 asks her to wait (Retry-After), when it said. */
export class PublicApiError extends ApiError {
  readonly retryAfter: number | null;

  constructor(error: ApiError, retryAfter: number | null) {
    super({
      status: error.status,
      code: error.code,
      field: error.field,
      messageZh: error.messageZh,
      messageEn: error.messageEn,
      existingId: error.existingId,
    });
    this.retryAfter = retryAfter;
  }
}

/** Seconds of a Retry-After header (a number of seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: Date = new Date()): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** A call of a public route: no cookie, no CSRF token; every failure thrown as a PublicApiError, nothing shown. */
async function publicRequest<T>(path: string, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path), {
      method,
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PublicApiError(networkError(), null);
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    parsed = null;
  }
  if (!response.ok) throw new PublicApiError(toApiError(response.status, parsed), retryAfterSeconds(response.headers.get('Retry-After')));
  return parsed as T;
}

const base = '/notices';

export const noticesApi = {
  list: (query: NoticesQuery) => http.get<Page<Notice>>(base, { ...query }),
  get: (id: number) => http.get<Notice>(`${base}/${id}`),
  create: (body: NoticeCreate, fieldsHandled?: readonly string[]) => http.post<Notice>(base, body, fieldsHandled),
  update: (id: number, body: NoticeUpdate, fieldsHandled?: readonly string[]) =>
    request<Notice>(`${base}/${id}`, { method: 'PUT', body, fieldsHandled }),
  remove: (id: number) => http.delete<null>(`${base}/${id}`),
  publish: (id: number) => http.post<Notice>(`${base}/${id}/publish`, {}),
  close: (id: number) => http.post<Notice>(`${base}/${id}/close`, {}),
  /** The A4 poster with the QR code to the public page (published or closed only). */
  poster: (id: number): Promise<DownloadedFile> => requestFile(`${base}/${id}/poster.pdf`, undefined, `notice-${id}.pdf`),

  /** The public notice of a slug (a draft, an unknown or malformed slug: 404). */
  publicNotice: (slug: string) => publicRequest<PublicNotice>(`/public/notices/${encodeURIComponent(slug)}`),
  /** Her self-nomination: 201 with the receipt code, shown once. */
  selfNominate: (slug: string, body: SelfNomination) =>
    publicRequest<Receipt>(`/public/notices/${encodeURIComponent(slug)}/nominations`, 'POST', body),
  /** Her nomination's state by its receipt code (read with or without dashes, any case). */
  status: (receipt: string) => publicRequest<NominationStatus>(`/public/nominations/${encodeURIComponent(receipt)}`),
};
