import { http } from './http';
import type { Page } from './types';
import type { Account, AccountCreate, AccountPatch, AccountQuery, AuditQuery, AuditRecord } from './auth-types';

export const accountsApi = {
  list: (query: AccountQuery) => http.get<Page<Account>>('/accounts', { ...query }),
  get: (id: number) => http.get<Account>(`/accounts/${id}`),
  create: (body: AccountCreate, fieldsHandled?: readonly string[]) => http.post<Account>('/accounts', body, fieldsHandled),
  update: (id: number, body: AccountPatch, fieldsHandled?: readonly string[]) =>
    http.patch<Account>(`/accounts/${id}`, body, fieldsHandled),
};

export const auditApi = {
  list: (query: AuditQuery) => http.get<Page<AuditRecord>>('/audit', { ...query }),
};
