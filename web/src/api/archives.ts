// The survey archives (docs/api-contract.md, "Issue 10 (part 6): survey archives"): outstanding
// women (优秀女性代表人物) and women's social organisations (妇女社会组织) of the caller's subtree.
import { buildUrl, http, type QueryValue } from './http';
import type { IsoDate, Page } from './types';

export interface OutstandingWoman {
  id: number;
  person_id: number;
  person_name: string;
  id_number_masked: string;
  organisation_id: number;
  organisation_name: string;
  honour: string;
  field: string | null;
  year: number | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

/** A new entry names the woman by `person_id` (one she can see) or by her full `id_number`. */
export interface OutstandingWomanCreate {
  person_id?: number;
  id_number?: string;
  organisation_id: number;
  honour: string;
  field?: string | null;
  year?: number | null;
  notes?: string | null;
}

/** The person never changes; null clears an optional field. */
export type OutstandingWomanPatch = Partial<Omit<OutstandingWomanCreate, 'person_id' | 'id_number'>>;

export interface SocialOrganisation {
  id: number;
  organisation_id: number;
  organisation_name: string;
  name: string;
  kind: string | null;
  field: string | null;
  head_name: string | null;
  member_count: number | null;
  /** Masked (138****2345): personal data, in full through revealContact. */
  contact: string | null;
  founded_on: IsoDate | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface SocialOrganisationCreate {
  organisation_id: number;
  name: string;
  kind?: string | null;
  field?: string | null;
  head_name?: string | null;
  member_count?: number | null;
  contact?: string | null;
  founded_on?: IsoDate | null;
  notes?: string | null;
}

export type SocialOrganisationPatch = Partial<SocialOrganisationCreate>;

export type ArchiveOrder = 'asc' | 'desc';

export interface OutstandingWomenQuery {
  within?: number;
  q?: string;
  year?: number;
  sort?: 'name' | 'honour' | 'year';
  order?: ArchiveOrder;
  page?: number;
  page_size?: number;
}

export interface SocialOrganisationsQuery {
  within?: number;
  q?: string;
  kind?: string;
  sort?: 'name' | 'founded_on' | 'member_count';
  order?: ArchiveOrder;
  page?: number;
  page_size?: number;
}

const women = '/archives/outstanding-women';
const social = '/archives/social-organisations';

/** The export's address: the list's filters, no paging (a plain link downloads it). */
export function exportUrl(kind: 'outstanding-women' | 'social-organisations', filters: Record<string, QueryValue>): string {
  return buildUrl(`/archives/${kind}.xlsx`, filters);
}

export const outstandingWomenApi = {
  list: (query: OutstandingWomenQuery) => http.get<Page<OutstandingWoman>>(women, { ...query }),
  get: (id: number) => http.get<OutstandingWoman>(`${women}/${id}`),
  create: (body: OutstandingWomanCreate, fieldsHandled?: readonly string[]) => http.post<OutstandingWoman>(women, body, fieldsHandled),
  update: (id: number, body: OutstandingWomanPatch, fieldsHandled?: readonly string[]) =>
    http.patch<OutstandingWoman>(`${women}/${id}`, body, fieldsHandled),
  remove: (id: number) => http.delete<{ ok: boolean }>(`${women}/${id}`),
};

export const socialOrganisationsApi = {
  list: (query: SocialOrganisationsQuery) => http.get<Page<SocialOrganisation>>(social, { ...query }),
  get: (id: number) => http.get<SocialOrganisation>(`${social}/${id}`),
  create: (body: SocialOrganisationCreate, fieldsHandled?: readonly string[]) =>
    http.post<SocialOrganisation>(social, body, fieldsHandled),
  update: (id: number, body: SocialOrganisationPatch, fieldsHandled?: readonly string[]) =>
    http.patch<SocialOrganisation>(`${social}/${id}`, body, fieldsHandled),
  remove: (id: number) => http.delete<{ ok: boolean }>(`${social}/${id}`),
  /** The full contact number (answers mask it); the server logs every reveal. */
  revealContact: (id: number) => http.post<{ id: number; field: 'contact'; value: string | null }>(`${social}/${id}/reveal`, { field: 'contact' }),
};
