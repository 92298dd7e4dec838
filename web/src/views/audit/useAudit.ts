// The audit screen's state, in the URL (subtree, person, user, days, action, page), the page of
// records, and the words the log speaks in (codes as labels, flags as yes/no, findings as sentences).
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { auditApi } from '@/api/accounts';
import { auditActions, type AuditAction } from '@/api/auth-types';
import type { DictionaryKind } from '@/api/types';
import type { Finding } from '@/api/staffing-types';
import { usePagedList } from '@/components/usePagedList';
import { queryField, type QuerySchema } from '@/components/useQueryState';
import { findingMessage } from '@/domain/staffing';
import { useDictionaryStore } from '@/stores/dictionaries';
import type { AuditWords } from './changes';

export interface AuditFilters {
  within: number | null;
  person: string;
  account: string;
  from: string;
  to: string;
  action: AuditAction | '';
  page: number;
}

const schema: QuerySchema<AuditFilters> = {
  within: queryField.id(),
  person: queryField.text(),
  account: queryField.text(),
  from: queryField.date(() => ''),
  to: queryField.date(() => ''),
  action: queryField.oneOf(auditActions, ''),
  page: queryField.int(1),
};

const coded: readonly string[] = ['role', 'manner', 'source', 'ethnicity', 'political_status', 'education'] satisfies DictionaryKind[];

export function useAuditWords(): AuditWords {
  const { t, te, locale } = useI18n();
  const dict = useDictionaryStore();
  void dict.load();
  return {
    code(entity, field, value) {
      if (field === 'role' && entity === 'account') return te(`role.${value}`) ? t(`role.${value}`) : null;
      if (coded.includes(field)) return dict.label(field as DictionaryKind, value);
      if (field === 'type' && te(`bodyType.${value}`)) return t(`bodyType.${value}`);
      if (field === 'sex' && (value === 'female' || value === 'male')) return t(`person.${value}`);
      if (field === 'field' && te(`auditField.${value}`)) return t(`auditField.${value}`);
      if (te(`auditValue.${field}.${value}`)) return t(`auditValue.${field}.${value}`);
      return null;
    },
    flag: (value) => t(value ? 'common.yes' : 'common.no'),
    finding: (value) => (typeof value.message === 'string' ? findingMessage(value as unknown as Finding, locale.value) : null),
  };
}

/** The filters of the log as the server reads them (the list and its export share them). */
export function auditFilterQuery(s: AuditFilters) {
  return {
    within: s.within ?? undefined,
    person: s.person.trim() || undefined,
    account: s.account.trim() || undefined,
    from: s.from || undefined,
    to: s.to || undefined,
    action: s.action || undefined,
  };
}

export function useAudit() {
  const list = usePagedList(
    schema,
    (s, pageSize) =>
      auditApi.list({
        ...auditFilterQuery(s),
        page: s.page,
        page_size: pageSize,
      }),
    30,
  );
  const state = list.state;
  const days = computed<[string, string] | null>({
    get: () => (state.from && state.to ? ([state.from, state.to] as [string, string]) : null),
    set: (value: [string, string] | null) => {
      state.from = value?.[0] ?? '';
      state.to = value?.[1] ?? '';
    },
  });
  return { ...list, days };
}
