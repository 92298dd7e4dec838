// Nominations of the selection procedure (docs/api-contract.md, "Issue 13 (step 1): nominations"):
// a woman nominated to one body for one role, worked by staff step by step.
import { http } from './http';
import type { BodyType, Page } from './types';

export const channels = ['self', 'residents', 'unit', 'direct'] as const;
export type Channel = (typeof channels)[number];

export const steps = ['nominated', 'assessed', 'manner_decided', 'confirmed', 'appointed', 'certified', 'filed', 'failed', 'not_confirmed', 'withdrawn'] as const;
export type Step = (typeof steps)[number];

export const manners = ['full_time', 'part_time', 'seconded', 'volunteer'] as const;
export type Manner = (typeof manners)[number];

export type NominationEvent = 'assess' | 'decide_manner' | 'confirm' | 'appoint' | 'certify' | 'file' | 'withdraw';

export interface Nomination {
  id: number;
  organisation_id: number;
  organisation_name: string;
  organisation_type: BodyType;
  role: string;
  role_label: string;
  channel: Channel;
  channel_label: string;
  nominated_by: string | null;
  name: string;
  id_number: string;
  id_number_masked: string;
  mobile: string | null;
  mobile_masked: string | null;
  statement: string | null;
  step: Step;
  step_label: string;
  final: boolean;
  manner: Manner | null;
  manner_label: string | null;
  registered: boolean;
  /** the recruitment notice a self-nomination answered (null otherwise) */
  notice_id?: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface NominationStep {
  id: number;
  event: NominationEvent | 'create' | string;
  from_step: Step | null;
  to_step: Step;
  to_step_label: string;
  passed: boolean | null;
  manner: Manner | null;
  note: string | null;
  done_by: string;
  done_at: string;
}

export interface NominationDetail extends Nomination {
  person_id: number | null;
  current_positions: { organisation_id: number; organisation_name: string; role_label: string }[];
  steps: NominationStep[];
  next_events: NominationEvent[];
}

export interface NominationCreate {
  organisation_id: number;
  role: string;
  channel: Channel;
  nominated_by?: string;
  /** Her name and ID number, or (one proposed from the outstanding-women archive) her record: person_id. */
  name?: string;
  id_number?: string;
  person_id?: number;
  mobile?: string;
  statement?: string;
}

export interface NominationsQuery {
  organisation_id?: number;
  step?: Step;
  /** the nominations that came from this recruitment notice */
  notice_id?: number;
  page?: number;
  page_size?: number;
  sort?: 'created_at' | 'name';
  order?: 'asc' | 'desc';
}

const base = '/nominations';

export const nominationsApi = {
  list: (query: NominationsQuery) => http.get<Page<Nomination>>(base, { ...query }),
  get: (id: number, full = false) => http.get<NominationDetail>(`${base}/${id}`, full ? { full: true } : undefined),
  create: (body: NominationCreate, fieldsHandled?: readonly string[]) => http.post<NominationDetail>(base, body, fieldsHandled),
  assess: (id: number, body: { passed: boolean; note?: string }, fieldsHandled?: readonly string[]) =>
    http.post<NominationDetail>(`${base}/${id}/assess`, body, fieldsHandled),
  decideManner: (id: number, body: { manner: Manner }, fieldsHandled?: readonly string[]) =>
    http.post<NominationDetail>(`${base}/${id}/decide-manner`, body, fieldsHandled),
  withdraw: (id: number, body: { note?: string }, fieldsHandled?: readonly string[]) =>
    http.post<NominationDetail>(`${base}/${id}/withdraw`, body, fieldsHandled),
};
