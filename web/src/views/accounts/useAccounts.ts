// The accounts page's state: the filtered page of accounts in her subtree.
import { reactive, watch } from 'vue';
import { accountsApi } from '@/api/accounts';
import type { Role } from '@/api/auth-types';
import { usePagedList } from '@/components/usePagedList';

export function useAccounts() {
  const filters = reactive<{ q: string; within: number | null; role: Role | '' }>({ q: '', within: null, role: '' });
  const list = usePagedList(
    (page, pageSize) =>
      accountsApi.list({
        q: filters.q.trim() || undefined,
        within: filters.within ?? undefined,
        role: filters.role || undefined,
        page,
        page_size: pageSize,
      }),
    20,
  );
  watch(() => [filters.within, filters.role], () => list.search());
  return { filters, ...list };
}
