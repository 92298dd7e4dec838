// The people page's state, all in the URL: who to find (name or ID number), where (a body and
// its subtree), how she serves (role, manner, source), current or former, sort and page.
import { peopleApi } from '@/api/people';
import type { PersonStatus } from '@/api/types';
import { usePagedList } from '@/components/usePagedList';
import { queryField, type QuerySchema } from '@/components/useQueryState';

export interface PeopleFilters {
  q: string;
  organisation: number | null;
  role: string;
  manner: string;
  source: string;
  status: PersonStatus | '';
  sort: 'name' | 'start_on' | '';
  order: 'asc' | 'desc' | '';
  page: number;
}

export const peopleSchema: QuerySchema<PeopleFilters> = {
  q: queryField.text(),
  organisation: queryField.id(),
  role: queryField.text(),
  manner: queryField.text(),
  source: queryField.text(),
  status: queryField.oneOf(['current', 'former', 'all'] as const, ''),
  sort: queryField.oneOf(['name', 'start_on'] as const, ''),
  order: queryField.oneOf(['asc', 'desc'] as const, ''),
  page: queryField.int(1),
};

/** The filters of the list as the server reads them (the list and its export share them). */
export function peopleFilterQuery(s: PeopleFilters) {
  return {
    q: s.q.trim() || undefined,
    organisation_id: s.organisation ?? undefined,
    role: s.role || undefined,
    manner: s.manner || undefined,
    source: s.source || undefined,
    status: s.status || undefined,
  };
}

export function usePeople() {
  return usePagedList(
    peopleSchema,
    (s, pageSize) =>
      peopleApi.list({
        ...peopleFilterQuery(s),
        sort: s.sort || undefined,
        order: s.order || undefined,
        page: s.page,
        page_size: pageSize,
      }),
    20,
  );
}
