// The one request pipeline: every call to the API goes through request(), which sends
// JSON, parses JSON, and on failure throws an ApiError after showing its message (in the
// current language) in one place, unless the caller shows it on a form field.
// It also carries the session: the browser sends the cookie (same origin), every write
// carries the CSRF token as X-CSRF-Token, and a 401 hands over to the sign-in page.
import { ApiError, networkError, shouldNotify, toApiError, type Language } from './errors';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Fields whose errors the caller shows on its form; others still go to the message. */
  fieldsHandled?: readonly string[];
  /** Error codes the caller shows itself (e.g. staffing_rule_broken with its findings). */
  codesHandled?: readonly string[];
  /** A 401 is the caller's own answer (the sign-in form, the start-up `me`), not "the session ended". */
  unauthenticatedHandled?: boolean;
}

export interface ErrorPresenter {
  language(): Language;
  show(message: string): void;
  /** The session is gone (401): go to the sign-in page, keeping where the user was. */
  signedOut(): void;
}

let presenter: ErrorPresenter = {
  language: () => 'zh-CN',
  show: () => undefined,
  signedOut: () => undefined,
};

let csrfToken: string | null = null;

/** The token of the current session (from the login answer or GET /api/auth/me); null after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const writes = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** Set once at start-up (main.ts) so that errors reach the screen. */
export function setErrorPresenter(p: ErrorPresenter): void {
  presenter = p;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function parseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': presenter.language(),
  };
  const method = options.method ?? 'GET';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (writes.has(method) && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw report(networkError(), options);
  }
  const body = await parseBody(response);
  if (response.status === 401 && !options.unauthenticatedHandled) {
    csrfToken = null;
    presenter.signedOut();
    throw toApiError(response.status, body);
  }
  if (!response.ok) throw report(toApiError(response.status, body), options);
  return body as T;
}

function report(error: ApiError, options: RequestOptions): ApiError {
  if (error.status === 401) return error;
  if ((options.codesHandled ?? []).includes(error.code)) return error;
  if (shouldNotify(error, options.fieldsHandled ?? [])) presenter.show(error.messageIn(presenter.language()));
  return error;
}

export const http = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>(path, { query }),
  post: <T>(path: string, body: unknown, fieldsHandled?: readonly string[]) =>
    request<T>(path, { method: 'POST', body, fieldsHandled }),
  patch: <T>(path: string, body: unknown, fieldsHandled?: readonly string[]) =>
    request<T>(path, { method: 'PATCH', body, fieldsHandled }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
