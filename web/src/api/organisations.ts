import { http } from './http';
import type {
  BodyType,
  IsoDate,
  Organisation,
  OrganisationCreate,
  OrganisationDetail,
  OrganisationPatch,
  OrganisationSearchHit,
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
  move: (id: number, parentId: number, fieldsHandled?: readonly string[]) =>
    http.post<Organisation>(`/organisations/${id}/move`, { parent_id: parentId }, fieldsHandled),
  close: (id: number, closedOn: IsoDate, fieldsHandled?: readonly string[]) =>
    http.post<Organisation>(`/organisations/${id}/close`, { closed_on: closedOn }, fieldsHandled),
};
