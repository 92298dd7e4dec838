// Wire shapes of the JSON API (docs/api-contract.md). Optional fields arrive as null.
import type { Finding } from './staffing-types';

export type IsoDate = string; // YYYY-MM-DD

export type BodyType =
  | 'city'
  | 'district'
  | 'county'
  | 'county_city'
  | 'street'
  | 'township'
  | 'community'
  | 'village'
  | 'village_congress';

export type Sex = 'female' | 'male';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export interface PathStep {
  id: number;
  name: string;
  type: BodyType;
}

export interface Organisation {
  id: number;
  parent_id: number | null;
  type: BodyType;
  type_label: string;
  name: string;
  division_code: string | null;
  pilot: boolean;
  established_on: IsoDate | null;
  closed_on: IsoDate | null;
  open: boolean;
  depth: number;
  child_count: number;
  member_count: number;
}

export interface OrganisationDetail extends Organisation {
  path: PathStep[];
  allowed_child_types: BodyType[];
}

export interface OrganisationSearchHit extends Organisation {
  path: PathStep[];
}

export interface OrganisationCreate {
  parent_id: number;
  type: BodyType;
  name: string;
  division_code?: string | null;
  pilot?: boolean;
  established_on?: IsoDate | null;
}

export interface OrganisationPatch {
  name?: string;
  division_code?: string | null;
  pilot?: boolean;
  established_on?: IsoDate | null;
}

/** One version of a body (GET /organisations/{id}/history): where it stood, its name and type over [valid_from, valid_to). */
export interface OrganisationVersion {
  /** null: since the beginning (the first version). */
  valid_from: IsoDate | null;
  /** null: to this day. */
  valid_to: IsoDate | null;
  parent_id: number | null;
  parent_name: string | null;
  name: string;
  type: BodyType;
  type_label: string;
}

/** The answer of 撤并: the body merged into, and what moved. */
export interface MergeResult {
  organisation: OrganisationDetail;
  moved_children: number;
  moved_members: number;
  ended_positions: number;
}

export interface RosterEntry {
  position_id: number;
  person_id: number;
  name: string;
  sex: Sex;
  birth_date: IsoDate;
  age: number;
  ethnicity: string | null;
  political_status: string | null;
  education: string | null;
  work_unit: string | null;
  job_title: string | null;
  mobile_masked: string | null;
  role: string;
  role_label: string;
  manner: string;
  manner_label: string;
  source: string | null;
  source_label: string | null;
  start_on: IsoDate;
  end_on: IsoDate | null;
}

export interface Roster {
  organisation_id: number;
  on: IsoDate;
  items: RosterEntry[];
}

export interface PersonFields {
  name: string;
  id_number: string;
  birth_date: IsoDate | null;
  sex: Sex | null;
  ethnicity: string | null;
  political_status: string | null;
  education: string | null;
  work_unit: string | null;
  job_title: string | null;
  mobile: string | null;
  office_phone: string | null;
  notes: string | null;
}

/** What the client sends: birth date and sex may be left to the ID number. */
export type PersonInput = Omit<PersonFields, 'birth_date' | 'sex'> & { birth_date?: IsoDate; sex?: Sex };

export interface Person extends PersonFields {
  id: number;
  id_number_masked: string;
  birth_date: IsoDate;
  sex: Sex;
}

export interface Position {
  id: number;
  person_id: number;
  person_name: string;
  organisation_id: number;
  organisation_name: string;
  organisation_path?: string;
  role: string;
  role_label: string;
  manner: string;
  manner_label: string;
  source: string | null;
  source_label: string | null;
  start_on: IsoDate;
  end_on: IsoDate | null;
  end_reason: string | null;
  notes: string | null;
  current: boolean;
  /** Issue 9: when it was entered (ISO UTC), and whether she may still delete it (entered today). */
  created_at?: string;
  deletable?: boolean;
}

/** An ended position: the seat in the body above her office carried, still held (proposed for ending too). */
export interface EndedPosition extends Position {
  seat_above: (Position & { may_end: boolean }) | null;
}

/** A correction (PATCH /api/positions/{id}): the reason and only the fields that change; end_on null undoes the end. */
export interface PositionCorrection {
  reason: string;
  start_on?: IsoDate;
  end_on?: IsoDate | null;
  end_reason?: string | null;
  role?: string;
  manner?: string;
  source?: string | null;
  notes?: string | null;
  override_reason?: string;
}

export interface PersonDetail extends Person {
  positions: Position[];
}

export interface CurrentPosition {
  organisation_id: number;
  organisation_name: string;
  role_label: string;
}

export interface FormerPosition {
  organisation_id: number;
  organisation_name: string;
  role_label: string;
  end_on: IsoDate;
}

export interface PersonListItem extends Person {
  current_positions: CurrentPosition[];
  /** Issue 9: positions in her subtree ended on or before the list's date. */
  former_positions?: FormerPosition[];
}

export type PersonStatus = 'current' | 'former' | 'all';

export interface PersonQuery {
  /** A name prefix, or a full ID number. */
  q?: string;
  /** The body and its subtree. */
  organisation_id?: number;
  role?: string;
  manner?: string;
  source?: string;
  status?: PersonStatus;
  on?: IsoDate;
  sort?: 'name' | 'start_on';
  order?: 'asc' | 'desc';
  page?: number;
  page_size?: number;
}

/** One of person_id (a person she can see) or id_number (a person registered outside her subtree). */
export interface PositionCreate {
  person_id?: number;
  id_number?: string;
  organisation_id: number;
  role: string;
  manner: string;
  source?: string | null;
  start_on: IsoDate;
  notes?: string | null;
  override_reason?: string;
}

/** The answer to an appointment: the position, the body's shortfalls after it, and what was overridden. */
export interface PositionCreated extends Position {
  warnings: Finding[];
  overridden: Finding[];
}

export interface PositionEnd {
  end_on: IsoDate;
  end_reason: string;
}

export type DictionaryKind = 'role' | 'manner' | 'source' | 'ethnicity' | 'political_status' | 'education';

export interface DictionaryEntry {
  code: string;
  label: string;
  label_en: string;
  short_label: string | null;
  sort_order: number;
  active: boolean;
  body_types: BodyType[] | null;
}

export type Dictionaries = Record<DictionaryKind, DictionaryEntry[]>;

export interface BodyTypeInfo {
  code: BodyType;
  label: string;
  level: number;
  child_types: BodyType[];
}

export interface Meta {
  version: string;
  today: IsoDate;
  body_types: BodyTypeInfo[];
}

export interface ErrorBody {
  error: {
    code: string;
    field: string | null;
    message: string;
    message_en: string;
    existing_id?: number | null;
    locked_until?: string | null;
    findings?: Finding[];
  };
}
