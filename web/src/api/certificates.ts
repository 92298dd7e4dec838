// Certificates (docs/api-contract.md, "Issue 13: certificates"): issued by the federation one level
// up from a position's body, numbered per issuer and year, printed as PDF with a QR code to the public
// verification page, revoked by the issuer or when the position ends. Wire shapes and calls only; the
// rules a page follows (the code typed in, issuing in chunks, the status in words) are in
// domain/certificates.ts.
import { buildUrl, request } from './http';
import type { IsoDate, Page } from './types';

/** `appointment` (the appointment certificate) for every manner but a volunteer's; `volunteer` (the volunteer engagement certificate). */
export type CertificateKind = 'appointment' | 'volunteer';
export type CertificateStatus = 'valid' | 'revoked';

/** At most this many certificates are issued or printed at once (position_ids, ids). */
export const maxCertificatesAtOnce = 100;

export interface Certificate {
  id: number;
  /** as printed: the prefix, the year in brackets, the number of at least four digits */
  number: string;
  kind: CertificateKind;
  kind_label: string;
  /** null once the position was removed as a mistake */
  position_id: number | null;
  person_id: number;
  holder_name: string;
  organisation_id: number;
  organisation_name: string;
  role: string;
  role_label: string;
  start_on: IsoDate;
  issuer_id: number;
  issuer_name: string;
  issued_on: IsoDate;
  issued_at: string;
  issued_by: string;
  prints: number;
  /** <public_url>/verify/<code>: what the QR code holds */
  verify_url: string;
  valid: boolean;
  status: CertificateStatus;
  /** null while valid, and when the position was removed (the reason says so) */
  revoked_on: IsoDate | null;
  revoke_reason: string | null;
}

/** What the public verification page may show: the holder's name starred, no ids. */
export interface CertificateVerification {
  number: string;
  kind: CertificateKind;
  kind_label: string;
  kind_label_en: string;
  /** the first and last characters of her name, the others starred */
  holder: string;
  organisation_name: string;
  role_label: string;
  issuer_name: string;
  start_on: IsoDate;
  issued_on: IsoDate;
  valid: boolean;
  status: CertificateStatus;
  revoked_on: IsoDate | null;
  revoke_reason: string | null;
}

export interface CertificatePrefix {
  organisation_id: number;
  prefix: string;
}

export interface CertificatesQuery {
  /** the bodies of this subtree (the caller's subtree when absent) */
  organisation_id?: number;
  position_id?: number;
  page?: number;
  page_size?: number;
}

/** One certificate as PDF (each opening counts as a print). */
export function certificatePdfUrl(id: number): string {
  return buildUrl(`/certificates/${id}.pdf`);
}

/** Several certificates in one PDF, one page each in this order (at most maxCertificatesAtOnce). */
export function certificatesPdfUrl(ids: readonly number[]): string {
  // the commas as they are (ids are numbers): the link reads as the contract writes it
  return `${buildUrl('/certificates.pdf')}?ids=${ids.map((id) => Math.trunc(id)).join(',')}`;
}

export const certificatesApi = {
  /**
   * Issues one certificate per position, all or none. A refusal names `position_ids[i]`; the caller
   * shows it (the dialog names whose certificate it stopped at), so the pipeline does not.
   */
  issue: (positionIds: readonly number[]) =>
    request<{ items: Certificate[] }>('/certificates', { method: 'POST', body: { position_ids: positionIds }, silent: true }),
  list: (query: CertificatesQuery) => request<Page<Certificate>>('/certificates', { query: { ...query } }),
  get: (id: number) => request<Certificate>(`/certificates/${id}`),
  revoke: (id: number, reason: string, fieldsHandled: readonly string[] = []) =>
    request<Certificate>(`/certificates/${id}/revoke`, { method: 'POST', body: { reason }, fieldsHandled }),
  prefix: (organisationId: number) => request<CertificatePrefix>(`/organisations/${organisationId}/certificate-prefix`),
  setPrefix: (organisationId: number, prefix: string, fieldsHandled: readonly string[] = []) =>
    request<CertificatePrefix>(`/organisations/${organisationId}/certificate-prefix`, { method: 'PUT', body: { prefix }, fieldsHandled }),
  /**
   * The public check of a code, without a session. Every answer but the certificate is the page's to
   * show (not_found, too_many_requests, no connection): nothing pops up over the public page.
   */
  verify: (code: string) =>
    request<CertificateVerification>(`/public/certificates/${encodeURIComponent(code)}`, { silent: true, unauthenticatedHandled: true }),
};
