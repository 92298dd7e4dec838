// Campaigns, their milestones, the submissions of each body, reminders and her own deadlines
// (docs/api-contract.md, "Issue 12 (first step): campaigns, milestones, submissions, reminders"), and
// the second step: the leadership group, attachments and the pilots compared ("Issue 12 (second step)").
// Wire shapes only; labels, sorting and the summary line are worked out in domain/campaign.ts.
import { http, request, uploadFile } from './http';
import type { FormNumber, FormRow } from './forms';
import type { IsoDate } from './types';

export type MilestoneKind = 'form' | 'account' | 'deadline';
export const milestoneKinds: readonly MilestoneKind[] = ['form', 'account', 'deadline'];
export type MilestoneLevel = 'district' | 'township' | 'pilot';
export const milestoneLevels: readonly MilestoneLevel[] = ['district', 'township', 'pilot'];
/** Where a body stands on a milestone. */
export type Standing = 'not_started' | 'draft' | 'submitted' | 'returned' | 'accepted';
export const standings: readonly Standing[] = ['not_started', 'draft', 'submitted', 'returned', 'accepted'];
/** The state of one submitted version. */
export type SubmissionState = 'submitted' | 'returned' | 'accepted';

export interface Campaign {
  id: number;
  organisation_id: number;
  organisation_name: string;
  name: string;
  document_number: string | null;
  document_date: IsoDate | null;
  document_text: string | null;
  baseline_on: IsoDate;
}

export type GroupRole = 'leader' | 'deputy' | 'member';
export const groupRoles: readonly GroupRole[] = ['leader', 'deputy', 'member'];

/** A member of the campaign's leadership group (领导小组): 组长, 副组长 or 成员, with her post. */
export interface GroupMember {
  id: number;
  name: string;
  role: GroupRole;
  role_label: string;
  post: string | null;
  sort_order: number;
}

export interface GroupMemberInput {
  name: string;
  role: GroupRole;
  post?: string;
  sort_order?: number;
}

/** PATCH /api/campaigns/{id}: only the fields sent change. */
export interface CampaignPatch {
  name?: string;
  document_number?: string;
  document_date?: IsoDate;
  document_text?: string;
  office?: string;
  baseline_on?: IsoDate;
}

export interface Milestone {
  id: number;
  campaign_id: number;
  title: string;
  kind: MilestoneKind;
  form: FormNumber | null;
  level: MilestoneLevel;
  level_label: string;
  due_on: IsoDate;
  report_on: IsoDate;
  sort_order: number;
}

export interface CampaignDetail extends Campaign {
  milestones: Milestone[];
  /** where the group's office sits and who runs it */
  office: string | null;
  /** leader first, then deputies, then members, each by sort_order */
  group: GroupMember[];
}

export interface MilestoneInput {
  title: string;
  kind: MilestoneKind;
  /** only for a form milestone */
  form?: FormNumber;
  level: MilestoneLevel;
  due_on: IsoDate;
  /** null: the due date */
  report_on: IsoDate | null;
  sort_order?: number;
}

export interface DashboardItem {
  organisation_id: number;
  organisation_name: string;
  type: string;
  pilot: boolean;
  state: Standing;
  overdue_days: number;
  version: number | null;
  submission_id: number | null;
  submitted_at: string | null;
  days_late: number;
  reminders: number;
  last_reminded_at: string | null;
  /** The contract lists it for the dashboard's lines; the server of issue 12's second step sends it on versions only, so far. */
  attachment_count?: number;
}

/** Pilot bodies beside the others: the dashboard's lines counted by group. */
export type PilotGroup = 'pilots' | 'others';

export interface DashboardSummaryLine {
  group: PilotGroup;
  bodies: number;
  not_started: number;
  draft: number;
  submitted: number;
  returned: number;
  accepted: number;
  overdue: number;
}

export interface Dashboard {
  milestone: Milestone;
  campaign_name: string;
  items: DashboardItem[];
  summary: DashboardSummaryLine[];
}

export interface Submission {
  id: number;
  milestone_id: number;
  organisation_id: number;
  organisation_name: string;
  version: number;
  state: SubmissionState;
  sha256: string;
  explanation: string | null;
  days_late: number;
  submitted_at: string;
  submitted_by: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  attachment_count: number;
}

/** A file attached to one submitted version (a stamped scan, the written account's files). */
/** A stored file as the server describes it (a submission's attachment, a meeting's minutes). */
export interface StoredFile {
  id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_at: string;
  uploaded_by: string;
}

export interface Attachment extends StoredFile {
  submission_id: number;
}

export interface Reminder {
  id: number;
  milestone_id: number;
  organisation_id: number;
  note: string | null;
  sent_at: string;
  sent_by: string;
}

export interface Progress {
  milestone: Milestone;
  organisation_id: number;
  organisation_name: string;
  state: Standing;
  overdue_days: number;
  versions: Submission[];
  reminders: Reminder[];
  /** what the body is preparing, saved but not submitted */
  draft: Draft | null;
}

export interface Draft {
  milestone_id: number;
  organisation_id: number;
  explanation: string | null;
  text: string | null;
  saved_at: string;
  saved_by: string;
}

/** A form as frozen: the rows, cells and totals of GET /api/forms/{n}, without its layout. */
export interface FormSnapshot {
  form: FormNumber;
  version: number;
  title: string;
  within: { id: number; name: string };
  on: IsoDate;
  baseline: IsoDate;
  rows: FormRow[];
  totals: Record<string, number | string | null> | null;
}

export interface TextSnapshot {
  text: string;
}

export interface Drift {
  /** a row key, or `total` */
  row: string;
  column: string;
  submitted: number | null;
  live: number | null;
}

export interface SubmissionDetail extends Submission {
  milestone: Milestone;
  snapshot: FormSnapshot | TextSnapshot;
  drift: Drift[];
  /** oldest first */
  attachments: Attachment[];
}

export type PilotStatus = 'meets' | 'short' | 'over';

export interface PilotLine {
  organisation_id: number;
  organisation_name: string;
  type: string;
  type_label: string;
  district_id: number;
  district_name: string;
  status: PilotStatus;
  total: number;
}

export interface PilotComparison {
  group: PilotGroup;
  bodies: number;
  meets: number;
  short: number;
  over: number;
  /** meets / bodies, 0..1; null when there are none */
  share: number | null;
}

export interface Pilots {
  on: IsoDate;
  items: PilotLine[];
  comparison: PilotComparison[];
}

export interface OwnDeadline {
  campaign_name: string;
  milestone: Milestone;
  state: Standing;
  overdue_days: number;
  last_reminded_at: string | null;
}

/** Refusals a page shows in its own words (the request pipeline leaves them alone). */
export const submitRefusals = ['already_submitted', 'already_accepted', 'not_owed', 'nothing_to_submit', 'not_awaiting_decision'] as const;

/** Refusals of an attachment the submission page says beside the upload control (the server's own words). */
export const attachmentRefusals = ['unsupported_file_type', 'file_too_large', 'too_large', 'empty_file', 'locked', 'too_many_attachments', 'wrong_level'] as const;

const campaignFields = ['name', 'document_number', 'document_date', 'document_text', 'office', 'baseline_on'] as const;

export const campaignsApi = {
  list: () => http.get<{ items: Campaign[] }>('/campaigns'),
  get: (id: number) => http.get<CampaignDetail>(`/campaigns/${id}`),
  change: (id: number, patch: CampaignPatch) => http.patch<CampaignDetail>(`/campaigns/${id}`, patch, campaignFields),
  addMember: (campaignId: number, input: GroupMemberInput) =>
    http.post<GroupMember>(`/campaigns/${campaignId}/group`, input, ['name', 'role', 'post', 'sort_order']),
  removeMember: (campaignId: number, memberId: number) => http.delete<null>(`/campaigns/${campaignId}/group/${memberId}`),
  pilots: (campaignId: number, on: IsoDate) => http.get<Pilots>(`/campaigns/${campaignId}/pilots`, { on }),
  /** A pilot of this campaign alone (the level above the body marks it). */
  markPilot: (campaignId: number, organisationId: number) =>
    http.post<Pilots>(`/campaigns/${campaignId}/pilots`, { organisation_id: organisationId }, ['organisation_id']),
  unmarkPilot: (campaignId: number, organisationId: number) => http.delete<null>(`/campaigns/${campaignId}/pilots/${organisationId}`),
  addMilestone: (campaignId: number, input: MilestoneInput) =>
    http.post<Milestone>(`/campaigns/${campaignId}/milestones`, input, ['title', 'kind', 'form', 'level', 'due_on', 'report_on', 'sort_order']),
  changeMilestone: (id: number, input: MilestoneInput) =>
    http.patch<Milestone>(`/milestones/${id}`, input, ['title', 'kind', 'form', 'level', 'due_on', 'report_on', 'sort_order']),
  dashboard: (milestoneId: number) => http.get<Dashboard>(`/milestones/${milestoneId}/dashboard`),
  progress: (milestoneId: number, organisationId: number) =>
    http.get<Progress>(`/milestones/${milestoneId}/submissions`, { organisation_id: organisationId }),
  submit: (milestoneId: number, body: { organisation_id: number; explanation?: string; text?: string }) =>
    request<SubmissionDetail>(`/milestones/${milestoneId}/submissions`, { method: 'POST', body, codesHandled: submitRefusals }),
  /** What she will submit, saved without submitting (the dashboard reads 草稿). */
  saveDraft: (milestoneId: number, body: { organisation_id: number; explanation?: string; text?: string }) =>
    request<Draft>(`/milestones/${milestoneId}/draft`, { method: 'PUT', body, fieldsHandled: ['text', 'explanation'] }),
  remind: (milestoneId: number, organisationId: number, note: string) =>
    http.post<Reminder>(`/milestones/${milestoneId}/reminders`, { organisation_id: organisationId, note: note.trim() || undefined }),
  submission: (id: number) => http.get<SubmissionDetail>(`/submissions/${id}`),
  accept: (id: number) => request<SubmissionDetail>(`/submissions/${id}/accept`, { method: 'POST', body: {}, codesHandled: submitRefusals }),
  giveBack: (id: number, reason: string) =>
    request<SubmissionDetail>(`/submissions/${id}/return`, { method: 'POST', body: { reason }, codesHandled: submitRefusals, fieldsHandled: ['reason'] }),
  deadlines: () => http.get<{ items: OwnDeadline[] }>('/deadlines'),
  /** The file as the raw body, its name in the query; the server judges the type by the first bytes. */
  attach: (submissionId: number, file: Blob, fileName: string) =>
    uploadFile<Attachment>(`/submissions/${submissionId}/attachments`, { file_name: fileName }, file, undefined, { codesHandled: attachmentRefusals }),
  /** A refusal (409 locked) is shown by the pipeline: the remove dialog stays open. */
  detach: (attachmentId: number) => http.delete<null>(`/attachments/${attachmentId}`),
};

/** Where an attachment is downloaded (the browser sends the session cookie; a GET needs no token). */
export const attachmentHref = (id: number) => `/api/attachments/${id}`;
