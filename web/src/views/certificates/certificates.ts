// The certificates list's state in the URL (the body it looks within, the page) and its request, and
// the links a row offers. Pure: unit-tested alone.
import type { RouteLocationRaw } from 'vue-router';
import type { CertificatesQuery } from '@/api/certificates';
import { queryField, type QuerySchema } from '@/components/useQueryState';

export interface CertificateFilters {
  within: number | null;
  page: number;
}

export const certificatesSchema: QuerySchema<CertificateFilters> = {
  within: queryField.id(),
  page: queryField.int(1),
};

export const certificatesPageSize = 20;

export function certificatesQuery(s: CertificateFilters, pageSize: number): CertificatesQuery {
  return { organisation_id: s.within ?? undefined, page: s.page, page_size: pageSize };
}

/** The code a verification URL ends with (<public_url>/verify/<code>). */
export function codeOf(verifyUrl: string): string {
  const match = /\/verify\/([^/?#]+)\/?(?:[?#].*)?$/.exec(verifyUrl);
  return match ? match[1] : '';
}

/** The public verification page of a certificate, in this app (whatever public_url the server was given). */
export function verifyRoute(verifyUrl: string): RouteLocationRaw {
  return { name: 'verify', params: { code: codeOf(verifyUrl) } };
}

/** The certificates list within a body. */
export function certificatesRoute(within: number | null): RouteLocationRaw {
  return within === null ? { name: 'certificates' } : { name: 'certificates', query: { within: String(within) } };
}
