// The certificates' plain rules: the verification code as someone types or scans it, what the public
// page makes of the server's answer, a certificate's status in words, and issuing a large selection in
// chunks with its progress. No DOM, no Element Plus: unit-tested alone.
import type { Certificate, CertificateKind, CertificateVerification } from '@/api/certificates';
import { maxCertificatesAtOnce } from '@/api/certificates';
import { ApiError } from '@/api/errors';
import type { IsoDate } from '@/api/types';
import type { Problem, Translate } from '@/domain/form-rules';
import zhCN from '@/locales/zh-CN';

// ---- the verification code ----

/** 128 random bits written as 26 base32 characters. */
export const codeLength = 26;

/** A code as typed, pasted or read off the paper: trimmed, spaces inside dropped, lower-cased. */
export function normaliseCode(raw: string): string {
  return raw.replace(/\s+/g, '').toLowerCase();
}

/** Why a normalised code cannot be one: nothing typed, or not 26 letters and digits. */
export type CodeProblem = 'codeRequired' | 'codeShape';

export function codeProblem(code: string): CodeProblem | null {
  if (code === '') return 'codeRequired';
  return new RegExp(`^[a-z0-9]{${codeLength}}$`).test(code) ? null : 'codeShape';
}

// ---- the public check ----

/** What the public page shows for a code. */
export type Verification =
  | { kind: 'found'; certificate: CertificateVerification }
  /** no certificate has this code (whatever its shape: the server answers every other code alike) */
  | { kind: 'not_found' }
  /** too many checks from this address in a minute */
  | { kind: 'too_many' }
  /** no answer (no connection, the server down or failing) */
  | { kind: 'unreachable' };

export function verificationOfError(error: unknown): Verification {
  if (error instanceof ApiError && error.status === 404) return { kind: 'not_found' };
  if (error instanceof ApiError && error.status === 429) return { kind: 'too_many' };
  return { kind: 'unreachable' };
}

/**
 * Checks a code as it came (a URL, the form): one that cannot be a code is not sent (the answer would
 * be the same "not found"), any other is asked about once.
 */
export async function verifyCode(raw: string, ask: (code: string) => Promise<CertificateVerification>): Promise<Verification> {
  const code = normaliseCode(raw);
  if (codeProblem(code) !== null) return { kind: 'not_found' };
  try {
    return { kind: 'found', certificate: await ask(code) };
  } catch (error) {
    return verificationOfError(error);
  }
}

// ---- the status in words ----

type StatusFields = Pick<Certificate, 'valid' | 'revoked_on' | 'revoke_reason'>;

/**
 * The reasons the server writes itself (the position ended, or was removed as a mistake), in Chinese:
 * read from the Chinese messages, so that the page can say them in the language shown.
 */
const serverReasons = zhCN.certificates.serverReasons;
type ServerReason = keyof typeof serverReasons;

/** A revocation's reason in the language shown: one the server wrote in its words, hers as she typed it. */
export function reasonText(reason: string | null, t: Translate): string {
  if (reason === null || reason.trim() === '') return '';
  const known = (Object.keys(serverReasons) as ServerReason[]).find((k) => serverReasons[k] === reason.trim());
  return known ? t(`certificates.serverReasons.${known}`) : reason;
}

/** Valid or revoked, in one word. */
export function statusText(c: Pick<StatusFields, 'valid'>, t: Translate): string {
  return t(c.valid ? 'certificates.status.valid' : 'certificates.status.revoked');
}

/** Since when and why a certificate no longer holds ('' while it holds); the date is absent when its position was removed. */
export function revokedText(c: StatusFields, t: Translate): string {
  if (c.valid) return '';
  const reason = reasonText(c.revoke_reason, t);
  if (c.revoked_on && reason) return t('certificates.revokedSinceBecause', { date: c.revoked_on, reason });
  if (c.revoked_on) return t('certificates.revokedSince', { date: c.revoked_on });
  return reason ? t('certificates.revokedBecause', { reason }) : '';
}

/** The kind a position's certificate will be: a volunteer's engagement, else an appointment. */
export function kindFor(manner: string): CertificateKind {
  return manner === 'volunteer' ? 'volunteer' : 'appointment';
}

/** The last position ended on or before `today` gets no certificate (the server refuses: position_ended). */
export function mayHoldCertificate(endOn: IsoDate | null, today: IsoDate): boolean {
  return endOn === null || endOn > today;
}

// ---- the forms ----

/** A revocation's reason: her words, 1 to 200 characters (as the server counts them). */
export const reasonMax = 200;

export function reasonProblem(value: string): Problem | null {
  const reason = value.trim();
  if (reason === '') return { key: 'certificates.reasonRequired' };
  return [...reason].length > reasonMax ? { key: 'certificates.reasonTooLong', params: { max: reasonMax } } : null;
}

/** A number prefix: 1 to 20 characters. What it may not hold (digits, brackets, spaces) the server says. */
export const prefixMax = 20;

export function prefixProblem(value: string): Problem | null {
  const prefix = value.trim();
  if (prefix === '') return { key: 'certificates.prefixRequired' };
  return [...prefix].length > prefixMax ? { key: 'certificates.prefixTooLong', params: { max: prefixMax } } : null;
}

// ---- issuing and printing many ----

/** `items` in runs of at most `size`, in order. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The ids of one PDF each: the server prints at most maxCertificatesAtOnce at once. */
export function printBatches(ids: readonly number[]): number[][] {
  return chunks(ids, maxCertificatesAtOnce);
}

/** Whole percent of `done` out of `total` (0 for nothing to do). */
export function percentOf(done: number, total: number): number {
  return total <= 0 ? 0 : Math.round((done / total) * 100);
}

export const issueChunkSize = 10;

/** Where issuing stopped: the server's refusal and the position it named (null when it named none). */
export interface IssueFailure {
  error: unknown;
  positionId: number | null;
}

export interface IssueOutcome {
  issued: Certificate[];
  failure: IssueFailure | null;
}

/** The position a refusal names (`position_ids[i]` of the chunk sent), or null. */
export function refusedPosition(error: unknown, sent: readonly number[]): number | null {
  if (!(error instanceof ApiError) || error.field === null) return null;
  const match = /^position_ids\[(\d+)\]$/.exec(error.field);
  return match ? (sent[Number(match[1])] ?? null) : null;
}

/**
 * Issues certificates for the positions in chunks (each chunk all or none on the server), one after
 * the other, reporting after each how many are done. The first refusal stops it: the chunks before it
 * keep their certificates, and the refusal says whose position it stopped at.
 */
export async function issueInChunks(
  positionIds: readonly number[],
  issue: (ids: readonly number[]) => Promise<{ items: Certificate[] }>,
  onProgress: (done: number, total: number) => void,
  size = issueChunkSize,
): Promise<IssueOutcome> {
  const issued: Certificate[] = [];
  onProgress(0, positionIds.length);
  for (const chunk of chunks(positionIds, size)) {
    try {
      issued.push(...(await issue(chunk)).items);
    } catch (error) {
      return { issued, failure: { error, positionId: refusedPosition(error, chunk) } };
    }
    onProgress(issued.length, positionIds.length);
  }
  return { issued, failure: null };
}
