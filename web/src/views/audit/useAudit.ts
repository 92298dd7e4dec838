// The audit screen's state: filters (subtree, person, user, days, action) and the page of records.
import { reactive } from 'vue';
import { auditApi } from '@/api/accounts';
import type { AuditAction } from '@/api/auth-types';
import { usePagedList } from '@/components/usePagedList';

export interface AuditFilters {
  within: number | null;
  personId: number | null;
  account: string;
  days: [string, string] | null;
  action: AuditAction | '';
}

export function useAudit() {
  const filters = reactive<AuditFilters>({ within: null, personId: null, account: '', days: null, action: '' });
  const list = usePagedList(
    (page, pageSize) =>
      auditApi.list({
        within: filters.within ?? undefined,
        person_id: filters.personId ?? undefined,
        account: filters.account.trim() || undefined,
        from: filters.days?.[0],
        to: filters.days?.[1],
        action: filters.action || undefined,
        page,
        page_size: pageSize,
      }),
    30,
  );
  return { filters, ...list };
}
