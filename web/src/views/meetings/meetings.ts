// The meeting and filing pages' plain logic: the lists' URL schemas and queries, the meeting form (its
// nominees, their outcomes, the request body and checks), the filings panel (each recipient's live
// filing, the history) and the tags of the unfiled list. No DOM: unit-tested alone.
import type { FormRules } from 'element-plus';
import type { Filing, FilingCreate, LiveState, MeetingCreate, MeetingDetail, MeetingsQuery, Recipient } from '@/api/meetings';
import { recipients } from '@/api/meetings';
import type { Nomination } from '@/api/nominations';
import type { IsoDate } from '@/api/types';
import { queryField, type QuerySchema } from '@/components/useQueryState';
import { asRule, isBlank, maxLength, type Check, type Translate } from '@/domain/form-rules';

export type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger';

// ---- the lists, in the URL ----

export interface MeetingFilters {
  organisation: number | null;
  page: number;
}

export const meetingsSchema: QuerySchema<MeetingFilters> = {
  organisation: queryField.id(),
  page: queryField.int(1),
};

export function meetingsQuery(s: MeetingFilters, pageSize: number): MeetingsQuery {
  return { organisation_id: s.organisation ?? undefined, page: s.page, page_size: pageSize };
}

export interface UnfiledFilters {
  organisation: number | null;
}

export const unfiledSchema: QuerySchema<UnfiledFilters> = {
  organisation: queryField.id(),
};

// ---- the meeting form ----

export const limits = { place: 100, notes: 1000, attendance: 100000, outcomes: 100, reference: 50, reason: 200, recipientName: 100 } as const;

export type Outcome = 'confirmed' | 'not_confirmed' | '';

export interface NomineeChoice {
  nomination_id: number;
  name: string;
  role_label: string;
  manner_label: string | null;
  /** Put to this meeting (ticked by default); one left out stays at her step. */
  included: boolean;
  outcome: Outcome;
}

export interface MeetingForm {
  organisation_id: number | null;
  held_on: IsoDate;
  place: string;
  attendance: number | null;
  notes: string;
  nominees: NomineeChoice[];
}

export function emptyMeetingForm(organisationId: number | null, today: IsoDate): MeetingForm {
  return { organisation_id: organisationId, held_on: today, place: '', attendance: null, notes: '', nominees: [] };
}

/**
 * The nominations a meeting of `bodyId` can decide: the list filter is the body's subtree, so those of
 * bodies below it are left out; only those whose manner is decided.
 */
export function readyNominations(items: readonly Nomination[], bodyId: number): Nomination[] {
  return items.filter((n) => n.organisation_id === bodyId && n.step === 'manner_decided');
}

export function nomineeChoices(items: readonly Nomination[]): NomineeChoice[] {
  return items.map((n) => ({ nomination_id: n.id, name: n.name, role_label: n.role_label, manner_label: n.manner_label, included: true, outcome: '' }));
}

/** The nominees put to the meeting that still lack an outcome (their ids). */
export function missingOutcomes(nominees: readonly NomineeChoice[]): number[] {
  return nominees.filter((n) => n.included && n.outcome === '').map((n) => n.nomination_id);
}

export function includedCount(nominees: readonly NomineeChoice[]): number {
  return nominees.filter((n) => n.included).length;
}

/** What keeps the nominees' part from being sent: none put to the meeting, too many, an outcome missing. */
export function outcomesProblem(nominees: readonly NomineeChoice[]): string | null {
  const count = includedCount(nominees);
  if (count === 0) return 'meeting.noneIncluded';
  if (count > limits.outcomes) return 'meeting.tooManyIncluded';
  if (missingOutcomes(nominees).length > 0) return 'meeting.outcomeMissing';
  return null;
}

function optional(value: string): string | undefined {
  const v = value.trim();
  return v === '' ? undefined : v;
}

export function meetingBody(f: MeetingForm, overrideReason?: string): MeetingCreate {
  const reason = overrideReason === undefined ? undefined : optional(overrideReason);
  return {
    organisation_id: f.organisation_id ?? 0,
    held_on: f.held_on,
    place: f.place.trim(),
    attendance: f.attendance ?? 0,
    notes: optional(f.notes),
    outcomes: f.nominees.filter((n) => n.included).map((n) => ({ nomination_id: n.nomination_id, confirmed: n.outcome === 'confirmed' })),
    ...(reason === undefined ? {} : { override_reason: reason }),
  };
}

/**
 * A server error on `outcomes[i].…` names the i-th outcome sent, i.e. the i-th nominee put to the
 * meeting: her nomination id (null when the field names no outcome).
 */
export function nominationOfOutcomeField(field: string | null, nominees: readonly NomineeChoice[]): number | null {
  const match = field === null ? null : /^outcomes\[(\d+)\]/.exec(field);
  if (!match) return null;
  return nominees.filter((n) => n.included)[Number(match[1])]?.nomination_id ?? null;
}

const chosen =
  (key: string): Check<number | null> =>
  (value) =>
    value === null ? { key } : null;

export function heldOnCheck(today: IsoDate): Check<string | null | undefined> {
  return (value) => (isBlank(value) ? { key: 'meeting.heldOnRequired' } : (value as string) > today ? { key: 'meeting.heldOnFuture' } : null);
}

export const placeCheck: Check<string> = (value) => (isBlank(value) ? { key: 'meeting.placeRequired' } : maxLength(limits.place)(value));

export const attendanceCheck: Check<number | null | undefined> = (value) =>
  value === null || value === undefined ? { key: 'meeting.attendanceRequired' } : !Number.isInteger(value) || value < 1 || value > limits.attendance ? { key: 'meeting.attendanceRange', params: { max: limits.attendance } } : null;

export function meetingRules(translate: Translate, today: IsoDate): FormRules {
  return {
    organisation_id: [asRule(chosen('meeting.organisationRequired'), translate, 'change')],
    held_on: [asRule(heldOnCheck(today), translate, 'change')],
    place: [asRule(placeCheck, translate)],
    attendance: [asRule(attendanceCheck, translate, 'change')],
    notes: [asRule(maxLength(limits.notes), translate)],
  };
}

// ---- the meeting just recorded: what only the recording answer says ----

export interface RecordedExtras {
  seats: MeetingDetail['seats'];
  warnings: MeetingDetail['warnings'];
}

const recorded = new Map<number, RecordedExtras>();

/** Kept by the recording page for the meeting page it goes to next. */
export function rememberRecorded(m: Pick<MeetingDetail, 'id' | 'seats' | 'warnings'>): void {
  if (m.seats.length > 0 || m.warnings.length > 0) recorded.set(m.id, { seats: m.seats, warnings: m.warnings });
}

/** The proposed seats and warnings of a meeting just recorded, once (a later visit has none). */
export function takeRecorded(id: number): RecordedExtras | null {
  const found = recorded.get(id) ?? null;
  recorded.delete(id);
  return found;
}

/** A proposed seat's finding, naming her (the finding itself may carry only her id). */
export function seatFinding(seat: MeetingDetail['seats'][number]): MeetingDetail['seats'][number]['finding'] {
  return { ...seat.finding, person_id: seat.finding.person_id ?? seat.person_id, person_name: seat.finding.person_name ?? seat.person_name };
}

export function outcomeTagType(confirmed: boolean): TagType {
  return confirmed ? 'success' : 'danger';
}

// ---- filings ----

export interface FilingForm {
  recipient: Recipient | '';
  recipient_name: string;
  sent_on: IsoDate;
  reference: string;
}

export function emptyFilingForm(recipient: Recipient | '', today: IsoDate): FilingForm {
  return { recipient, recipient_name: '', sent_on: today, reference: '' };
}

/** A blank recipient name is left to the server's default (the Party organisation at the same level, or the name of the body above). */
export function filingBody(f: FilingForm): FilingCreate {
  return { recipient: f.recipient as Recipient, recipient_name: optional(f.recipient_name), sent_on: f.sent_on, reference: optional(f.reference) };
}

/** The date checks of a filing: not before the meeting, not after today. */
export function sentOnCheck(heldOn: IsoDate, today: IsoDate): Check<string | null | undefined> {
  return (value) => {
    if (isBlank(value)) return { key: 'meeting.filing.sentOnRequired' };
    if ((value as string) < heldOn) return { key: 'meeting.filing.sentBeforeMeeting', params: { date: heldOn } };
    if ((value as string) > today) return { key: 'meeting.filing.sentInFuture' };
    return null;
  };
}

export function acknowledgedOnCheck(sentOn: IsoDate, today: IsoDate): Check<string | null | undefined> {
  return (value) => {
    if (isBlank(value)) return { key: 'meeting.filing.onRequired' };
    if ((value as string) < sentOn) return { key: 'meeting.filing.onBeforeSent', params: { date: sentOn } };
    if ((value as string) > today) return { key: 'meeting.filing.onInFuture' };
    return null;
  };
}

export const reasonCheck: Check<string> = (value) => (isBlank(value) ? { key: 'meeting.filing.reasonRequired' } : maxLength(limits.reason)(value));

/** Each recipient's live filing (sent or acknowledged; a returned one is history), in the recipients' order. */
export function liveFilings(filings: readonly Filing[]): { recipient: Recipient; filing: Filing | null }[] {
  return recipients.map((recipient) => ({ recipient, filing: filings.find((f) => f.recipient === recipient && f.state !== 'returned') ?? null }));
}

/** The history: every filing, the latest sent first (then the latest recorded). */
export function filingHistory(filings: readonly Filing[]): Filing[] {
  return [...filings].sort((a, b) => (a.sent_on === b.sent_on ? b.id - a.id : a.sent_on < b.sent_on ? 1 : -1));
}

/** The recipients still to be sent to (none live). */
export function recipientsToSend(filings: readonly Filing[]): Recipient[] {
  return liveFilings(filings)
    .filter((l) => l.filing === null)
    .map((l) => l.recipient);
}

export function filedByBoth(filings: readonly Filing[]): boolean {
  return liveFilings(filings).every((l) => l.filing?.state === 'acknowledged');
}

/** The label key of a recipient's live state: not sent (or returned and not sent again), sent, acknowledged. */
export function liveStateKey(state: LiveState): string {
  return `meeting.filing.live.${state ?? 'none'}`;
}

export function liveStateTagType(state: LiveState): TagType {
  return state === 'acknowledged' ? 'success' : state === 'sent' ? 'warning' : 'danger';
}

export function filingStateTagType(state: Filing['state']): TagType {
  return state === 'acknowledged' ? 'success' : state === 'sent' ? 'warning' : 'info';
}
