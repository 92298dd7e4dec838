// Element Plus's table sorting ({prop, order: 'ascending'|'descending'|null}) to and from the
// sort/order pair a list keeps in the URL.
export type SortOrder = 'asc' | 'desc';
export type TableOrder = 'ascending' | 'descending' | null;

export function fromTableSort<S extends string>(prop: string | null, order: TableOrder, allowed: readonly S[]): { sort: S | ''; order: SortOrder | '' } {
  const sort = allowed.find((s) => s === prop);
  if (order === null || sort === undefined) return { sort: '', order: '' };
  return { sort, order: order === 'descending' ? 'desc' : 'asc' };
}

/** The table's default-sort for the URL's sort (none when unsorted). */
export function toTableSort(sort: string, order: SortOrder | ''): { prop: string; order: 'ascending' | 'descending' } | undefined {
  return sort ? { prop: sort, order: order === 'desc' ? 'descending' : 'ascending' } : undefined;
}
