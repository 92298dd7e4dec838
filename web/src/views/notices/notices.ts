// The recruitment notices' plain logic: the list's URL schema, the places in one line, the notice form
// and its request body, where a notice stands (draft, open, closed, deadline passed), the receipt code as
// she types it, and the self-nomination form. No DOM: unit-tested alone.
import type { FormRules } from 'element-plus';
import { noticeStates, type ClosedReason, type Coverage, type Notice, type NoticeCreate, type NoticeState, type NoticeUpdate, type NoticesQuery, type SelfNomination } from '@/api/notices';
import type { BodyType, IsoDate } from '@/api/types';
import { queryField, type QuerySchema } from '@/components/useQueryState';
import { asRule, isBlank, maxLength, required, type Check, type Translate } from '@/domain/form-rules';
import { normaliseIdNumber } from '@/domain/id-number';
import { checkIdNumber, checkMobile, checkName, normaliseMobile } from '@/views/person/rules';

// ---- the list, in the URL ----

export interface NoticeFilters {
  organisation: number | null;
  state: NoticeState | '';
  page: number;
}

export const noticesSchema: QuerySchema<NoticeFilters> = {
  organisation: queryField.id(),
  state: queryField.oneOf(noticeStates, ''),
  page: queryField.int(1),
};

export function noticesQuery(s: NoticeFilters, pageSize: number): NoticesQuery {
  return { organisation_id: s.organisation ?? undefined, state: s.state || undefined, page: s.page, page_size: pageSize };
}

// ---- the places ----

/** The places in one line, in the notice's order: "Executive 3, Vice-chair 1" (the separator of the language shown). */
export function placesSummary(places: readonly { role_label: string; places: number }[], separator: string): string {
  return places.map((p) => `${p.role_label} ${p.places}`).join(separator);
}

// ---- where a notice stands ----

/** draft; published and taking self-nominations (open); closed by staff; or published with its deadline past. */
export type NoticeStanding = 'draft' | 'open' | 'closed' | 'deadline_passed';

export function standingOf(n: Pick<Notice, 'state' | 'open'>): NoticeStanding {
  if (n.state === 'draft') return 'draft';
  if (n.state === 'closed') return 'closed';
  return n.open ? 'open' : 'deadline_passed';
}

export type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger';

export function standingTagType(s: NoticeStanding): TagType {
  switch (s) {
    case 'draft':
      return 'info';
    case 'open':
      return 'success';
    case 'closed':
    case 'deadline_passed':
      return 'warning';
  }
}

/**
 * Why the public page takes no self-nomination (null while it does): the server's reason, else
 * 'closed' for a notice that says it is not open without saying why.
 */
export function closedReasonOf(n: { open: boolean; closed_reason: ClosedReason | null }): ClosedReason | null {
  if (n.open) return null;
  return n.closed_reason ?? 'closed';
}

// ---- the notice form ----

export const noticeLimits = { title: 60, text: 2000, contact: 100, maxRows: 20, minPlaces: 1, maxPlaces: 100 } as const;

/** A township or street may recruit for all its villages and communities. */
export function mayCoverVillages(type: BodyType | null): boolean {
  return type === 'township' || type === 'street';
}

/**
 * The body types whose roles a notice offers: the body's own, or for its villages and communities those of
 * a village, a community and a village women's congress (a township's villages may be either).
 */
export function roleBodyTypes(coverage: Coverage, type: BodyType | null): BodyType[] {
  if (coverage === 'villages') return ['village', 'community', 'village_congress'];
  return type ? [type] : [];
}

export interface PlaceRow {
  role: string;
  places: number | null;
}

export interface NoticeForm {
  organisation_id: number | null;
  coverage: Coverage;
  title: string;
  places: PlaceRow[];
  duties: string;
  conditions: string;
  how_to_apply: string;
  contact: string;
  deadline: string;
}

export function emptyNoticeForm(organisationId: number | null = null): NoticeForm {
  return {
    organisation_id: organisationId,
    coverage: 'own',
    title: '',
    places: [{ role: '', places: 1 }],
    duties: '',
    conditions: '',
    how_to_apply: '',
    contact: '',
    deadline: '',
  };
}

/** A stored notice in the form, to edit it. */
export function noticeFormOf(n: Notice): NoticeForm {
  return {
    organisation_id: n.organisation_id,
    coverage: n.coverage,
    title: n.title,
    places: n.places.map((p) => ({ role: p.role, places: p.places })),
    duties: n.duties,
    conditions: n.conditions,
    how_to_apply: n.how_to_apply,
    contact: n.contact ?? '',
    deadline: n.deadline,
  };
}

export function noticeUpdateBody(f: NoticeForm): NoticeUpdate {
  const contact = f.contact.trim();
  return {
    coverage: f.coverage,
    title: f.title.trim(),
    places: f.places.map((p) => ({ role: p.role, places: p.places ?? 0 })),
    duties: f.duties.trim(),
    conditions: f.conditions.trim(),
    how_to_apply: f.how_to_apply.trim(),
    ...(contact === '' ? {} : { contact }),
    deadline: f.deadline,
  };
}

export function noticeBody(f: NoticeForm): NoticeCreate {
  return { organisation_id: f.organisation_id ?? 0, ...noticeUpdateBody(f) };
}

/** The server's field paths of the places rows (`places[1].role`), so that each shows under its row. */
export function placeFields(): string[] {
  return Array.from({ length: noticeLimits.maxRows }, (_, i) => [`places[${i}].role`, `places[${i}].places`]).flat();
}

export const noticeFields = ['organisation_id', 'coverage', 'title', 'places', 'duties', 'conditions', 'how_to_apply', 'contact', 'deadline', ...placeFields()];

function both<T>(...checks: Check<T>[]): Check<T> {
  return (value) => checks.reduce<ReturnType<Check<T>>>((found, c) => found ?? c(value), null);
}

export const checkPlaces: Check<number | null | undefined> = (value) =>
  value === null || value === undefined || !Number.isInteger(value) || value < noticeLimits.minPlaces || value > noticeLimits.maxPlaces
    ? { key: 'notice.placesRange', params: { min: noticeLimits.minPlaces, max: noticeLimits.maxPlaces } }
    : null;

/** Roles chosen twice: the indexes of the rows after the first of each role. */
export function duplicateRows(rows: readonly PlaceRow[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (r.role === '') return;
    if (seen.has(r.role)) out.push(i);
    seen.add(r.role);
  });
  return out;
}

export function checkDeadline(today: IsoDate): Check<string | null | undefined> {
  return (value) => {
    if (isBlank(value)) return { key: 'notice.deadlineRequired' };
    return (value ?? '') < today ? { key: 'notice.deadlinePast' } : null;
  };
}

export function noticeRules(translate: Translate, today: IsoDate): FormRules {
  return {
    organisation_id: [asRule<number | null>((v) => (v === null ? { key: 'notice.organisationRequired' } : null), translate, 'change')],
    title: [asRule(both(required('notice.title', translate), maxLength(noticeLimits.title)), translate)],
    duties: [asRule(both(required('notice.duties', translate), maxLength(noticeLimits.text)), translate)],
    conditions: [asRule(both(required('notice.conditions', translate), maxLength(noticeLimits.text)), translate)],
    how_to_apply: [asRule(both(required('notice.howToApply', translate), maxLength(noticeLimits.text)), translate)],
    contact: [asRule(maxLength(noticeLimits.contact), translate)],
    deadline: [asRule(checkDeadline(today), translate, 'change')],
  };
}

// ---- the receipt code ----

/** 100 random bits as 20 characters of Crockford base32. */
export const receiptLength = 20;

/**
 * A receipt code as she typed it: spaces and dashes dropped, upper case; the letters Crockford's
 * alphabet leaves out read as the digits they look like (O as 0, I and L as 1).
 */
export function normaliseReceipt(raw: string): string {
  return raw
    .replace(/[\s\-\u2010-\u2015\uff0d]/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** In groups of four, as printed: K7QM-2XPD-9ARF-0B3C-HW5N. */
export function formatReceipt(code: string): string {
  return (normaliseReceipt(code).match(/.{1,4}/g) ?? []).join('-');
}

export type ReceiptProblem = 'receiptRequired' | 'receiptShape';

export function receiptProblem(code: string): ReceiptProblem | null {
  if (code === '') return 'receiptRequired';
  return new RegExp(`^[0-9A-HJKMNP-TV-Z]{${receiptLength}}$`).test(code) ? null : 'receiptShape';
}

// ---- the self-nomination form ----

export const statementMax = 500;

export interface ApplyForm {
  organisation_id: number | null;
  role: string;
  name: string;
  id_number: string;
  mobile: string;
  statement: string;
  consent: boolean;
}

/**
 * The places she may choose for the body chosen: those whose role exists there (a township's villages may be
 * 村妇代会 with other roles). No body chosen yet: every place.
 */
export function placesFor<P extends { role: string }>(places: readonly P[], body: { roles?: readonly string[] } | undefined): P[] {
  if (!body?.roles) return [...places];
  return places.filter((p) => body.roles?.includes(p.role));
}

export function emptyApplyForm(bodies: readonly { id: number }[] = []): ApplyForm {
  return {
    organisation_id: bodies.length === 1 ? bodies[0].id : null,
    role: '',
    name: '',
    id_number: '',
    mobile: '',
    statement: '',
    consent: false,
  };
}

export function applyBody(f: ApplyForm): SelfNomination {
  const statement = f.statement.trim();
  return {
    organisation_id: f.organisation_id ?? 0,
    role: f.role,
    name: f.name.trim(),
    id_number: normaliseIdNumber(f.id_number),
    mobile: normaliseMobile(f.mobile),
    ...(statement === '' ? {} : { statement }),
  };
}

export const checkRequiredMobile: Check<string | null | undefined> = (value) => (isBlank(value) ? { key: 'notice.apply.mobileRequired' } : checkMobile(value));

export function applyRules(translate: Translate, today: IsoDate): FormRules {
  return {
    organisation_id: [asRule<number | null>((v) => (v === null ? { key: 'notice.apply.bodyRequired' } : null), translate, 'change')],
    role: [asRule<string>((v) => (v === '' ? { key: 'notice.apply.roleRequired' } : null), translate, 'change')],
    name: [asRule(checkName(translate), translate)],
    id_number: [asRule(checkIdNumber(today), translate)],
    mobile: [asRule(checkRequiredMobile, translate)],
    statement: [asRule(maxLength(statementMax), translate)],
    consent: [asRule<boolean>((v) => (v ? null : { key: 'notice.apply.consentRequired' }), translate, 'change')],
  };
}

export const applyFields = ['organisation_id', 'role', 'name', 'id_number', 'mobile', 'statement'] as const;
export type ApplyField = (typeof applyFields)[number];

/** What the public form makes of a refusal: a field's message, a stop for the whole form, or a wait. */
export type ApplyOutcome =
  | { kind: 'field'; field: ApplyField }
  | { kind: 'already_nominated' }
  | { kind: 'notice_closed' }
  | { kind: 'too_many'; retryAfter: number | null }
  | { kind: 'not_found' }
  | { kind: 'unreachable' }
  | { kind: 'other' };

export function applyOutcomeOf(error: { status: number; code: string; field: string | null; retryAfter?: number | null }): ApplyOutcome {
  if (error.status === 0) return { kind: 'unreachable' };
  if (error.status === 429) return { kind: 'too_many', retryAfter: error.retryAfter ?? null };
  if (error.code === 'already_nominated') return { kind: 'already_nominated' };
  if (error.code === 'notice_closed') return { kind: 'notice_closed' };
  if (error.status === 404) return { kind: 'not_found' };
  const field = applyFields.find((f) => f === error.field);
  if (error.status === 422 && field) return { kind: 'field', field };
  if (error.status >= 500) return { kind: 'unreachable' };
  return { kind: 'other' };
}

/** A wait in whole minutes, at least one (Retry-After in seconds; none said → one minute). */
export function waitMinutes(seconds: number | null): number {
  return seconds === null ? 1 : Math.max(1, Math.ceil(seconds / 60));
}

/** A wait in words: seconds under a minute, else whole minutes (none said → one minute). */
export function waitText(seconds: number | null, translate: Translate): string {
  if (seconds !== null && seconds < 60) return translate('notice.wait.seconds', { n: Math.max(1, seconds) });
  return translate('notice.wait.minutes', { n: waitMinutes(seconds) });
}
