// The list exports (docs/api-contract.md, "Exports of lists"): each takes the filters of the list it
// exports (the list's own query builder), without paging, so that the sheet holds what the page shows
// filtered. Pure builders.
import type { QueryValue } from './http';

export interface ExportRequest {
  path: string;
  query: Record<string, QueryValue>;
  /** the name to save under when the server gives none */
  fallbackName: string;
}

type Filters = Record<string, QueryValue>;

/** `full` only when asked (it needs the reveal permission; otherwise numbers are masked). */
const fullFlag = (full: boolean): true | undefined => (full ? true : undefined);

export function rosterExport(organisationId: number, on: string, full: boolean): ExportRequest {
  return { path: `/organisations/${organisationId}/roster.xlsx`, query: { on, full: fullFlag(full) }, fallbackName: 'roster.xlsx' };
}

export function childrenExport(organisationId: number): ExportRequest {
  return { path: `/organisations/${organisationId}/children.xlsx`, query: {}, fallbackName: 'children.xlsx' };
}

/** The people list's filters (peopleFilterQuery). */
export function peopleExport(filters: Filters, full: boolean): ExportRequest {
  return { path: '/people.xlsx', query: { ...filters, full: fullFlag(full) }, fallbackName: 'people.xlsx' };
}

export function failingExport(within: number | null, on: string): ExportRequest {
  return { path: '/compliance/failing.xlsx', query: { within: within ?? undefined, on: on || undefined }, fallbackName: 'failing.xlsx' };
}

/** The audit log's filters (auditFilterQuery). */
export function auditExport(filters: Filters): ExportRequest {
  return { path: '/audit.xlsx', query: { ...filters }, fallbackName: 'audit.xlsx' };
}
