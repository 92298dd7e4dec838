// Women's meetings and their filing (docs/api-contract.md, "Issue 13 (step 3): the women's meeting" and
// "Issue 13 (step 5): filing"): a meeting recorded once held, with its outcome per nominee, then filed
// with the Party organisation at the same level and the federation one level up.
import { http, request, uploadFile } from './http';
import { attachmentRefusals, type StoredFile } from './campaigns';
import type { IsoDate, Page } from './types';
import type { Finding } from './staffing-types';

export interface Meeting {
  id: number;
  organisation_id: number;
  organisation_name: string;
  held_on: IsoDate;
  place: string;
  attendance: number;
  notes: string | null;
  created_at: string;
  created_by: string;
}

export interface MeetingNominee {
  nomination_id: number;
  name: string;
  role: string;
  role_label: string;
  confirmed: boolean;
  position_id: number | null;
}

/** A cross-level seat the new posts call for (only in the answer that records the meeting). */
export interface ProposedSeat {
  person_id: number;
  person_name: string;
  finding: Finding;
}

export interface MeetingDetail extends Meeting {
  nominees: MeetingNominee[];
  seats: ProposedSeat[];
  warnings: Finding[];
  /** the minutes: files attached to the meeting, oldest first */
  files: MeetingFile[];
}

export interface MeetingOutcome {
  nomination_id: number;
  confirmed: boolean;
}

export interface MeetingCreate {
  organisation_id: number;
  held_on: IsoDate;
  place: string;
  attendance: number;
  notes?: string;
  outcomes: MeetingOutcome[];
  override_reason?: string;
}

export interface MeetingsQuery {
  organisation_id?: number;
  page?: number;
  page_size?: number;
}

export const recipients = ['party', 'federation_above'] as const;
export type Recipient = (typeof recipients)[number];

export const filingStates = ['sent', 'acknowledged', 'returned'] as const;
export type FilingState = (typeof filingStates)[number];

export interface Filing {
  id: number;
  meeting_id: number;
  organisation_id: number;
  recipient: Recipient;
  recipient_label: string;
  recipient_name: string;
  sent_on: IsoDate;
  reference: string | null;
  state: FilingState;
  state_label: string;
  answered_on: IsoDate | null;
  return_reason: string | null;
  created_at: string;
  created_by: string;
}

export interface FilingCreate {
  recipient: Recipient;
  recipient_name?: string;
  sent_on: IsoDate;
  reference?: string;
}

/** A recipient's live filing: sent, acknowledged, or null (not sent, or returned). */
export type LiveState = 'sent' | 'acknowledged' | null;

export interface UnfiledMeeting extends Meeting {
  party: LiveState;
  federation_above: LiveState;
}

/** A file of a meeting's minutes (the signed attendance sheet, the minutes, scanned). */
export interface MeetingFile extends StoredFile {
  meeting_id: number;
}

export const meetingsApi = {
  list: (query: MeetingsQuery) => http.get<Page<Meeting>>('/meetings', { ...query }),
  get: (id: number) => http.get<MeetingDetail>(`/meetings/${id}`),
  /** A file of the minutes as the raw body, its name in the query; the server judges the type by the first bytes. */
  attach: (meetingId: number, file: Blob, fileName: string) =>
    uploadFile<MeetingFile>(`/meetings/${meetingId}/files`, { file_name: fileName }, file, undefined, { codesHandled: attachmentRefusals }),
  detach: (fileId: number) => http.delete<null>(`/meeting-files/${fileId}`),
  /** A refusal by the staffing rules (409 staffing_rule_broken) is left to the page, which shows its findings. */
  create: (body: MeetingCreate, fieldsHandled?: readonly string[]) =>
    request<MeetingDetail>('/meetings', { method: 'POST', body, fieldsHandled, codesHandled: ['staffing_rule_broken'] }),
};

export const filingsApi = {
  list: (meetingId: number) => http.get<{ items: Filing[] }>(`/meetings/${meetingId}/filings`),
  send: (meetingId: number, body: FilingCreate, fieldsHandled?: readonly string[]) => http.post<Filing>(`/meetings/${meetingId}/filings`, body, fieldsHandled),
  acknowledge: (id: number, body: { on?: IsoDate }, fieldsHandled?: readonly string[]) => http.post<Filing>(`/filings/${id}/acknowledge`, body, fieldsHandled),
  return: (id: number, body: { reason: string }, fieldsHandled?: readonly string[]) => http.post<Filing>(`/filings/${id}/return`, body, fieldsHandled),
  unfiled: (organisationId?: number) => http.get<{ items: UnfiledMeeting[] }>('/filings/unfiled', { organisation_id: organisationId }),
};

/** Where a file of the minutes is downloaded (the browser sends the session cookie). */
export const meetingFileHref = (id: number) => `/api/meeting-files/${id}`;
