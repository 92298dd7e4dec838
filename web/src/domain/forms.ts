// The pure part of the forms pages: the page's state in the URL (form scope, dates, the open
// drill-down) with bad values falling back to defaults, the merged headings of a form turned into
// the rows of a <thead> (spans, scopes, and the ids each data cell names in `headers`), and the
// texts of a count's link. No HTTP, no Vue.
import type { FormAnswer, FormColumn, FormHeading, FormNumber, FormRow } from '@/api/forms';
import type { IsoDate } from '@/api/types';
import type { QueryField, QuerySchema } from '@/components/useQueryState';

export const formNumbers: readonly FormNumber[] = [1, 2, 3, 4, 5];

/** The form number of a route parameter, or null (anything but 1..5). */
export function parseFormNumber(raw: unknown): FormNumber | null {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (typeof text !== 'string' && typeof text !== 'number') return null;
  const n = Number(text);
  return formNumbers.includes(n as FormNumber) && String(text) === String(n) ? (n as FormNumber) : null;
}

/** A real calendar day written YYYY-MM-DD (2016-02-30 is not one). */
export function isCalendarDate(raw: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** One count of the form: its row's key and its column's key. */
export interface CellRef {
  row: string;
  column: string;
}

const cellKey = /^[A-Za-z0-9_-]{1,64}$/;

/** `ROW:COLUMN` (row keys are codes or ids, column keys are codes), or null for anything else. */
export function parseCell(raw: string): CellRef | null {
  const at = raw.indexOf(':');
  if (at < 0) return null;
  const row = raw.slice(0, at);
  const column = raw.slice(at + 1);
  return cellKey.test(row) && cellKey.test(column) ? { row, column } : null;
}

export function formatCell(cell: CellRef | null): string {
  return cell ? `${cell.row}:${cell.column}` : '';
}

/** What the form page keeps in the URL. `baseline` '' is the campaign baseline the server answers with; `page` is the open count's. */
export interface FormPageState {
  within: number | null;
  on: IsoDate;
  baseline: IsoDate | '';
  cell: string;
  page: number;
}

function dateField(fallback: () => string): QueryField<string> {
  return { fallback, parse: (raw) => (isCalendarDate(raw) ? raw : undefined), format: (v) => v };
}

export function formPageSchema(ownOrganisation: () => number | null, today: () => IsoDate): QuerySchema<FormPageState> {
  return {
    within: {
      fallback: ownOrganisation,
      parse: (raw) => (/^\d{1,15}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined),
      format: (v) => (v === null ? '' : String(v)),
    },
    on: dateField(today),
    baseline: dateField(() => ''),
    cell: { fallback: () => '', parse: (raw) => (parseCell(raw) ? raw : undefined), format: (v) => v },
    page: { fallback: () => 1, parse: (raw) => (/^\d{1,6}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined), format: String },
  };
}

/** Whether the form counts anything on the baseline (扩大前, 新增): only then does the page ask for it. */
export function readsBaseline(form: { reads_baseline?: boolean; columns: readonly FormColumn[] }): boolean {
  return form.reads_baseline ?? form.columns.some((c) => c.key === 'members_before' || c.key === 'added');
}

/** The baseline is the roster before the campaign: a baseline after the report date is a slip. */
export function baselineAfterReport(on: IsoDate, baseline: IsoDate): boolean {
  return on !== '' && baseline !== '' && baseline > on;
}

// ——— the header grid ———

export interface HeaderCell {
  /** `headers` of the data cells below point here */
  id: string;
  text: string;
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  /** a heading over several leaf columns is a column group's header */
  scope: 'col' | 'colgroup';
}

export interface HeaderGrid {
  rows: HeaderCell[][];
  /** per leaf column, the ids of every heading above it, outermost first */
  columnHeaders: string[][];
}

/** The headings a layout implies (the server's rule): adjacent leaves with the same group prefix share a merged cell. */
export function headingsFromColumns(columns: readonly FormColumn[]): { headings: FormHeading[]; headerRows: number } {
  const headerRows = Math.max(1, ...columns.map((c) => (c.group?.length ?? 0) + 1));
  const headings: FormHeading[] = [];
  const samePrefix = (a: FormColumn, b: FormColumn, depth: number) => {
    const ga = a.group ?? [];
    const gb = b.group ?? [];
    if (ga.length <= depth || gb.length <= depth) return false;
    for (let i = 0; i <= depth; i++) if (ga[i] !== gb[i]) return false;
    return true;
  };
  columns.forEach((col, index) => {
    const group = col.group ?? [];
    group.forEach((text, depth) => {
      if (index > 0 && samePrefix(columns[index - 1], col, depth)) return; // inside the merged cell begun on the left
      let span = 1;
      while (index + span < columns.length && samePrefix(col, columns[index + span], depth)) span++;
      headings.push({ text, row: depth, column: index, row_span: 1, column_span: span });
    });
    headings.push({ text: col.label, row: group.length, column: index, row_span: headerRows - group.length, column_span: 1 });
  });
  return { headings, headerRows };
}

/**
 * The rows of the <thead> from the merged headings: each heading in the row it starts on, left to
 * right. Null when the headings do not cover the grid exactly once (the caller then derives them from
 * the columns), so the table never shows a shifted heading.
 */
export function headerGrid(headings: readonly FormHeading[], headerRows: number, columnCount: number): HeaderGrid | null {
  if (headerRows < 1 || columnCount < 1) return null;
  const owner: (string | null)[][] = Array.from({ length: headerRows }, () => Array<string | null>(columnCount).fill(null));
  const cells: HeaderCell[] = [];
  for (const h of headings) {
    const rowSpan = Math.max(1, h.row_span);
    const colSpan = Math.max(1, h.column_span);
    if (h.row < 0 || h.column < 0 || h.row + rowSpan > headerRows || h.column + colSpan > columnCount) return null;
    const id = `fh-${h.row}-${h.column}`;
    for (let r = h.row; r < h.row + rowSpan; r++) {
      for (let c = h.column; c < h.column + colSpan; c++) {
        if (owner[r][c] !== null) return null;
        owner[r][c] = id;
      }
    }
    cells.push({ id, text: h.text, row: h.row, column: h.column, rowSpan, colSpan, scope: colSpan > 1 ? 'colgroup' : 'col' });
  }
  if (owner.some((row) => row.some((c) => c === null))) return null;
  const rows = Array.from({ length: headerRows }, (_, r) => cells.filter((c) => c.row === r).sort((a, b) => a.column - b.column));
  const columnHeaders = Array.from({ length: columnCount }, (_, c) => {
    const ids: string[] = [];
    for (let r = 0; r < headerRows; r++) {
      const id = owner[r][c];
      if (id !== null && !ids.includes(id)) ids.push(id);
    }
    return ids;
  });
  return { rows, columnHeaders };
}

/** The grid of a form answer: the server's headings, or the ones its columns imply when those do not fit. */
export function formHeaderGrid(form: { headings: readonly FormHeading[]; header_rows: number; columns: readonly FormColumn[] }): HeaderGrid {
  const given = headerGrid(form.headings, form.header_rows, form.columns.length);
  if (given) return given;
  const derived = headingsFromColumns(form.columns);
  return headerGrid(derived.headings, derived.headerRows, form.columns.length) ?? { rows: [], columnHeaders: [] };
}

// ——— the body ———

/** The column whose cells name their row (<th scope="row">): the label column, else the name, else the first. */
export function rowHeaderColumn(columns: readonly FormColumn[]): string {
  return (columns.find((c) => c.key === 'label') ?? columns.find((c) => c.key === 'name') ?? columns[0])?.key ?? '';
}

/** What a row shows in a column: the row's label in the label column, else its cell. */
export function rowValue(row: FormRow, columnKey: string): number | string | null {
  if (columnKey === 'label') return row.label;
  return row.cells[columnKey] ?? null;
}

/** A count someone may open: a number above zero in a count column (zero has nobody behind it; 代表人数 are typed in, not counted). */
export function isDrillable(column: FormColumn, value: unknown): value is number {
  return column.numeric && column.count !== false && column.key !== 'label' && typeof value === 'number' && value > 0;
}

/** The row key of the 合计 row in a drill-down (the contract's `row=total`). */
export const totalRowKey = 'total';

/** The number a form shows for a count: a row's cell, or the 合计 row's. */
export function countOf(form: FormAnswer, cell: CellRef): number | null {
  const value = cell.row === totalRowKey ? form.totals?.[cell.column] : form.rows.find((r) => String(r.key) === cell.row)?.cells[cell.column];
  return typeof value === 'number' ? value : null;
}

/** Whether the form has that count: a row (or the 合计 row, when there is one) and a count column. */
export function hasCount(form: FormAnswer, cell: CellRef): boolean {
  const row = cell.row === totalRowKey ? form.totals !== null : form.rows.some((r) => String(r.key) === cell.row);
  return row && form.columns.some((c) => c.key === cell.column && c.numeric && c.count !== false && c.key !== 'label');
}

/**
 * The 合计 row adds the rows up, as on paper: a woman in a township and in a village counts twice.
 * When the sum is larger than the people behind it, the drill-down says both; otherwise null.
 */
export function totalsNote(sum: number | null, distinct: number): { sum: number; distinct: number } | null {
  return sum !== null && sum > distinct ? { sum, distinct } : null;
}

/** The column's full heading, outermost first: 成员数（人） · 扩大后. */
export function columnPath(column: FormColumn): string {
  return [...(column.group ?? []), column.label].join(' · ');
}

/** What a count lists: bodies for the number of bodies, else people (the contract's `kind`). */
export function drillKind(columnKey: string): 'bodies' | 'people' {
  return columnKey === 'bodies' ? 'bodies' : 'people';
}

/** The parts of a count's accessible name and of the drill-down's title. */
export function cellLabelParts(row: FormRow, column: FormColumn, value: number): { row: string; column: string; value: number } {
  return { row: row.label, column: columnPath(column), value };
}

/** A value as the table shows it: numbers as they are, text as it is, nothing as a dash. */
export function cellText(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return String(value);
}

/** The URL the drill-down closes to is the entry before it: then Back, not a new entry, closes it. */
export function closesByBack(previousPath: unknown, withoutCell: string): boolean {
  return typeof previousPath === 'string' && previousPath === withoutCell;
}
