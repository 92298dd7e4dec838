import { request } from './http';
import type { AuditAction } from './auth-types';
import type { BodyType, IsoDate } from './types';

/** Issue 9: what needs her attention in her subtree, and its latest changes (GET /api/home). */
export interface HomeAttentionItem {
  organisation_id: number;
  name: string;
  type_label: string;
  status: 'short' | 'over';
  summary: string;
  summary_en: string;
}

export interface HomeChange {
  at: string;
  actor: string;
  action: AuditAction;
  entity: string;
  entity_label: string | null;
  organisation_id: number | null;
  organisation_name: string | null;
  person_id: number | null;
  person_name: string | null;
}

export interface Home {
  organisation: { id: number; name: string; type: BodyType };
  today: IsoDate;
  attention: { short: number; over: number; items: HomeAttentionItem[] };
  recent: HomeChange[];
}

export const homeApi = {
  /** A server without the start page (404) leaves the page to its plain links, without an error message. */
  get: () => request<Home>('/home', { codesHandled: ['not_found'] }),
};
