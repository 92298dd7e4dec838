// The failing bodies of a compliance answer as the clerk asks to see them: only short or over,
// sorted by a column, one page at a time. Plain functions over the list the server gave.
import type { FailingBody } from '@/api/staffing-types';

export const failingSorts = ['name', 'type', 'status', 'district'] as const;
export type FailingSort = (typeof failingSorts)[number];
import type { SortOrder } from '@/components/tableSort';
export type { SortOrder };

export interface FailingView {
  status: 'short' | 'over' | '';
  sort: FailingSort | '';
  order: SortOrder | '';
}

const collator = new Intl.Collator('zh-CN');
const statusRank = { over: 0, short: 1 } as const;

/** Filters and sorts (stable: equal rows keep the server's tree order). */
export function viewFailing(items: readonly FailingBody[], view: FailingView, districtName: (id: number | null) => string): FailingBody[] {
  const kept = items.filter((b) => view.status === '' || b.status === view.status);
  if (view.sort === '') return kept;
  const key: Record<FailingSort, (b: FailingBody) => string | number> = {
    name: (b) => b.name,
    type: (b) => b.type_label,
    status: (b) => statusRank[b.status],
    district: (b) => districtName(b.district_id),
  };
  const pick = key[view.sort];
  const sign = view.order === 'desc' ? -1 : 1;
  return kept
    .map((b, i) => ({ b, i }))
    .sort((x, y) => {
      const a = pick(x.b);
      const c = pick(y.b);
      const d = typeof a === 'number' && typeof c === 'number' ? a - c : collator.compare(String(a), String(c));
      return d !== 0 ? sign * d : x.i - y.i;
    })
    .map((x) => x.b);
}

export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}
