// The accounts page's state, in the URL: the filtered page of accounts in her subtree.
import { accountsApi } from '@/api/accounts';
import { roles, type Role } from '@/api/auth-types';
import { usePagedList } from '@/components/usePagedList';
import { queryField, type QuerySchema } from '@/components/useQueryState';

export interface AccountFilters {
  q: string;
  within: number | null;
  role: Role | '';
  page: number;
}

const schema: QuerySchema<AccountFilters> = {
  q: queryField.text(),
  within: queryField.id(),
  role: queryField.oneOf(roles, ''),
  page: queryField.int(1),
};

export function useAccounts() {
  return usePagedList(
    schema,
    (s, pageSize) =>
      accountsApi.list({ q: s.q.trim() || undefined, within: s.within ?? undefined, role: s.role || undefined, page: s.page, page_size: pageSize }),
    20,
  );
}
