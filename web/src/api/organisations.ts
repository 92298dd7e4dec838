import { http } from './http';
import type {
  BodyType,
  IsoDate,
  MergeResult,
  Organisation,
  OrganisationCreate,
  OrganisationDetail,
  OrganisationPatch,
  OrganisationSearchHit,
  OrganisationVersion,
  Page,
  Roster,
} from './types';

export const organisationsApi = {
  roots: () => http.get<Page<Organisation>>('/organisations', { page_size: 200 }),
  children: (parentId: number, includeClosed = false) =>
    http.get<Page<Organisation>>('/organisations', { parent_id: parentId, include_closed: includeClosed || undefined, page_size: 200 }),
  search: (q: string, options: { within?: number; type?: BodyType; page?: number } = {}) =>
    http.get<Page<OrganisationSearchHit>>('/organisations/search', { q, page_size: 20, ...options }),
  get: (id: number) => http.get<OrganisationDetail>(`/organisations/${id}`),
  roster: (id: number, on?: IsoDate) => http.get<Roster>(`/organisations/${id}/roster`, { on }),
  create: (body: OrganisationCreate, fieldsHandled?: readonly string[]) =>
    http.post<Organisation>('/organisations', body, fieldsHandled),
  update: (id: number, body: OrganisationPatch, fieldsHandled?: readonly string[]) =>
    http.patch<Organisation>(`/organisations/${id}`, body, fieldsHandled),
  /** Without `on` a correction of the parent; with `on` a move from that day (the subtree follows). */
  move: (id: number, parentId: number, on: IsoDate | null, fieldsHandled?: readonly string[]) =>
    http.post<Organisation>(`/organisations/${id}/move`, on ? { parent_id: parentId, on } : { parent_id: parentId }, fieldsHandled),
  /** A formal change of name from a day (a typo is corrected with `update`). */
  rename: (id: number, name: string, on: IsoDate, fieldsHandled?: readonly string[]) =>
    http.post<OrganisationDetail>(`/organisations/${id}/rename`, { name, on }, fieldsHandled),
  convert: (id: number, type: BodyType, on: IsoDate, fieldsHandled?: readonly string[]) =>
    http.post<OrganisationDetail>(`/organisations/${id}/convert`, { type, on }, fieldsHandled),
  merge: (id: number, intoId: number, on: IsoDate, fieldsHandled?: readonly string[]) =>
    http.post<MergeResult>(`/organisations/${id}/merge`, { into_id: intoId, on }, fieldsHandled),
  history: (id: number) => http.get<{ items: OrganisationVersion[] }>(`/organisations/${id}/history`),
  close: (id: number, closedOn: IsoDate, fieldsHandled?: readonly string[]) =>
    http.post<Organisation>(`/organisations/${id}/close`, { closed_on: closedOn }, fieldsHandled),
};
