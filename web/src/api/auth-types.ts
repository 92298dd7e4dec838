// Wire shapes of issue 3 (docs/api-contract.md: sessions, accounts, audit, personal data).
import type { BodyType, IsoDate, PathStep } from './types';

/** Highest first (the order is the delegation order: a role may grant only roles at or below its own). */
export const roles = ['system_admin', 'federation_admin', 'operator', 'viewer'] as const;
export type Role = (typeof roles)[number];

export type Permission = 'read' | 'write' | 'reveal' | 'manage_accounts' | 'view_audit' | 'manage_dictionaries';

export interface Account {
  id: number;
  username: string;
  organisation_id: number;
  organisation_name: string;
  role: Role;
  active: boolean;
  created_at: string;
  password_changed_at: string | null;
}

export interface Session {
  id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  absolute_expires_at: string;
  address: string | null;
  user_agent: string | null;
  current: boolean;
}

export interface SignedIn {
  account: Account;
  organisation: { id: number; name: string; type: BodyType; path: PathStep[] };
  permissions: Permission[];
  csrf_token: string;
  session: Session;
}

export interface AccountQuery {
  q?: string;
  within?: number;
  role?: Role | '';
  active?: boolean;
  page?: number;
  page_size?: number;
}

export interface AccountCreate {
  username: string;
  password: string;
  organisation_id: number;
  role: Role;
}

export interface AccountPatch {
  role?: Role;
  organisation_id?: number;
  active?: boolean;
  password?: string;
}

export type RevealField = 'id_number' | 'mobile' | 'office_phone';

export interface Revealed {
  person_id: number;
  field: RevealField;
  value: string | null;
}

export const auditActions = [
  'create', 'update', 'correct', 'end', 'delete', 'move', 'close', 'login', 'logout', 'login_failed',
  'reveal', 'password_change', 'session_end', 'export', 'import', 'rename', 'convert', 'merge',
  'issue', 'print', 'revoke',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditChange {
  before: unknown;
  after: unknown;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  account_id: number | null;
  address: string | null;
  action: AuditAction;
  entity: string;
  entity_id: number | string | null;
  organisation_id: number | null;
  organisation_name: string | null;
  person_id: number | null;
  /** Issue 9: the person of a person or position record; what the record is about in words; the names of the ids in `changes`. */
  person_name?: string | null;
  entity_label?: string | null;
  names?: AuditNames | null;
  changes: Record<string, AuditChange> | null;
}

/** Names of the ids that appear in a record's changes, by kind of id: {"organisation_id": {"1117": "某村妇代会"}}. */
export interface AuditNames {
  organisation_id?: Record<string, string>;
  person_id?: Record<string, string>;
  account_id?: Record<string, string>;
}

export interface AuditQuery {
  within?: number;
  person_id?: number;
  /** A full ID number or a name (prefix of at least 2 characters). */
  person?: string;
  account?: string;
  from?: IsoDate;
  to?: IsoDate;
  action?: AuditAction | '';
  entity?: string;
  page?: number;
  page_size?: number;
}
