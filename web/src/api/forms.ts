// The five attached forms (docs/api-contract.md, "Issue 11 (first step): the five forms"): the list,
// one form counted for a subtree on a date against a baseline, who is behind one count, and the
// form as .xlsx or PDF. Wire shapes only; the table's layout is worked out in domain/forms.ts.
import { http, type QueryValue } from './http';
import type { IsoDate } from './types';

export type FormNumber = 1 | 2 | 3 | 4 | 5;

export interface FormListItem {
  form: FormNumber;
  title: string;
  version: number;
}

export interface FormColumn {
  key: string;
  label: string;
  /** The merged headings above the leaf, outermost first. */
  group?: string[];
  numeric: boolean;
  /** A count: the people or bodies behind it can be listed (absent from older answers: numeric then decides). */
  count?: boolean;
}

/** One cell of the header grid at (row, column), 0-based, spanning row_span × column_span. */
export interface FormHeading {
  text: string;
  row: number;
  column: number;
  row_span: number;
  column_span: number;
}

export type FormCellValue = number | string | null;

export interface FormRow {
  /** body type code (level forms), district id, person id (form 3) or contact id (form 1) */
  key: string | number;
  label: string;
  cells: Record<string, FormCellValue>;
}

export interface FormAnswer {
  form: FormNumber;
  version: number;
  title: string;
  within: { id: number; name: string };
  on: IsoDate;
  baseline: IsoDate;
  /** A column counts on the baseline (扩大前, 新增); otherwise the baseline does not matter to this form. */
  reads_baseline?: boolean;
  columns: FormColumn[];
  headings: FormHeading[];
  header_rows: number;
  rows: FormRow[];
  totals: Record<string, number> | null;
  footer: string[];
}

export interface CellPerson {
  person_id: number;
  name: string;
  organisation_id: number;
  organisation_name: string;
  role_label: string;
}

export interface CellBody {
  organisation_id: number;
  name: string;
  type: string;
}

/** One page of who is behind a count; `total` counts them all (for the 合计 row: the distinct people). */
export type CellAnswer =
  | { kind: 'people'; total: number; page: number; page_size: number; items: CellPerson[] }
  | { kind: 'bodies'; total: number; page: number; page_size: number; items: CellBody[] };

/** The drill-down's page size (the contract allows 1–200). */
export const cellPageSize = 50;

/** The scope and dates every form request carries (empty values are left out: the server's defaults). */
export interface FormScope {
  within: number | null;
  on: IsoDate | '';
  baseline: IsoDate | '';
}

export function formQuery(scope: FormScope): Record<string, QueryValue> {
  return { within: scope.within ?? undefined, on: scope.on || undefined, baseline: scope.baseline || undefined };
}

export type FormFormat = 'xlsx' | 'pdf';

/** The download of a form: the same scope, `full` (form 3's phones in full) only when asked. */
export function formDownload(form: FormNumber, scope: FormScope, format: FormFormat, full: boolean) {
  return {
    path: `/forms/${form}.${format}`,
    query: { ...formQuery(scope), full: full ? true : undefined },
    fallbackName: `附表${form}.${format}`,
  };
}

export const formsApi = {
  list: () => http.get<{ items: FormListItem[] }>('/forms'),
  get: (form: FormNumber, scope: FormScope) => http.get<FormAnswer>(`/forms/${form}`, formQuery(scope)),
  /** `row` 'total' is the 合计 row. */
  cell: (form: FormNumber, scope: FormScope, row: string, column: string, page = 1) =>
    http.get<CellAnswer>(`/forms/${form}/cell`, { ...formQuery(scope), row, column, page, page_size: cellPageSize }),
};
