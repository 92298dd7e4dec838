import { http } from './http';
import type { Revealed, RevealField } from './auth-types';
import type { Page, Person, PersonDetail, PersonInput, PersonListItem, PersonQuery } from './types';

export const peopleApi = {
  list: (query: PersonQuery) => http.get<Page<PersonListItem>>('/people', { ...query }),
  get: (id: number) => http.get<PersonDetail>(`/people/${id}`),
  create: (body: PersonInput, fieldsHandled?: readonly string[]) => http.post<Person>('/people', body, fieldsHandled),
  update: (id: number, body: Partial<PersonInput>, fieldsHandled?: readonly string[]) =>
    http.patch<Person>(`/people/${id}`, body, fieldsHandled),
  /** Shows one full value; the server logs every reveal. */
  reveal: (id: number, field: RevealField) => http.post<Revealed>(`/people/${id}/reveal`, { field }),
};
