// Wire shapes of issue 4 (docs/api-contract.md: "Staffing rules and compliance").
import type { BodyType, IsoDate, Page } from './types';

export interface RuleSetRef {
  code: string;
  version: number;
  name?: string;
}

export interface Bounds {
  min: number;
  max: number | null;
}

export interface BodyTypeRules {
  total?: Bounds;
  role_counts?: Record<string, Bounds>;
  forbidden_roles?: string[];
}

export interface SeatRule {
  holder_body_type: BodyType;
  holder_role: string;
  seat_role: string;
}

export interface RuleSet {
  code: string;
  name: string;
  version?: number;
  rules: Partial<Record<BodyType, BodyTypeRules>>;
  seat_rules: SeatRule[];
  created_at?: string;
  created_by?: string;
}

export type FindingKind = 'total' | 'role_count' | 'forbidden_role' | 'seat';
export type Severity = 'warning' | 'error';
export type BodyStatus = 'meets' | 'short' | 'over';

export interface Finding {
  organisation_id: number;
  kind: FindingKind;
  severity: Severity;
  rule_set: RuleSetRef;
  rule: string;
  role: string | null;
  role_label: string | null;
  expected_min: number | null;
  expected_max: number | null;
  actual: number | null;
  person_id: number | null;
  person_name: string | null;
  occupant_id: number | null;
  occupant_name: string | null;
  message: string;
  message_en: string;
  /** The next step in plain words (issue 9); absent from servers before it. */
  advice?: string | null;
  advice_en?: string | null;
}

export interface CountRow {
  role: string;
  role_label: string;
  actual: number;
  min: number | null;
  max: number | null;
}

export interface Composition {
  organisation_id: number;
  on: IsoDate;
  status: BodyStatus;
  rule_set: RuleSetRef | null;
  total: { actual: number; min: number | null; max: number | null };
  roles: CountRow[];
  forbidden_roles: { role: string; role_label: string; actual: number }[];
  findings: Finding[];
}

export interface Counts {
  bodies: number;
  meets: number;
  short: number;
  over: number;
  seats_missing: number;
}

export interface ComplianceSnapshot {
  on: IsoDate;
  rule_set: RuleSetRef | null;
  overall: Counts;
  by_body_type: { type: BodyType; type_label: string; counts: Counts }[];
  by_district: { organisation_id: number; name: string; counts: Counts }[];
}

export interface FailingBody {
  organisation_id: number;
  name: string;
  type: BodyType;
  type_label: string;
  district_id: number | null;
  status: 'short' | 'over';
  findings: Finding[];
}

export interface Compliance {
  /** null: the whole tree (a system administrator without `within`). */
  within: number | null;
  on: IsoDate;
  current: ComplianceSnapshot;
  baseline: ComplianceSnapshot;
  failing: Page<FailingBody>;
}

export interface RuleSetSummary {
  code: string;
  name: string;
  latest_version: number;
  versions: number | { version: number }[];
}

export interface RuleSetList {
  items: RuleSetSummary[];
  in_force: RuleSetRef | null;
}

export interface RuleSetVersions {
  code: string;
  versions: { version: number; name: string; created_at: string; created_by: string }[];
}

export interface ScheduleEntry {
  effective_from: IsoDate;
  code: string;
  version: number;
  name: string;
}

export interface Schedule {
  items: ScheduleEntry[];
  in_force: RuleSetRef | null;
}
