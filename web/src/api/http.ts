// The one request pipeline: every call to the API goes through request(), which sends
// JSON, parses JSON, and on failure throws an ApiError after showing its message (in the
// current language) in one place, unless the caller shows it on a form field.
// It also carries the session: the browser sends the cookie (same origin), every write
// carries the CSRF token as X-CSRF-Token, and a 401 hands over to the sign-in page.
import { abortedError, ApiError, networkError, shouldNotify, toApiError, type Language } from './errors';

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
  /** The caller shows every error itself (a public page, a batch that names where it stopped): none is shown here. */
  silent?: boolean;
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
  if (error.status === 401 || options.silent) return error;
  if ((options.codesHandled ?? []).includes(error.code)) return error;
  if (shouldNotify(error, options.fieldsHandled ?? [])) presenter.show(error.messageIn(presenter.language()));
  return error;
}

/** A file the server sent (an .xlsx export or template): its bytes and the name it gave. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * The file name of a Content-Disposition header: `filename*=UTF-8''…` (percent-encoded, for Chinese
 * names) before `filename="…"`; `fallback` when there is neither.
 */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // a broken encoding: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/** GET of a file through the pipeline: the session cookie, a 401 to the sign-in page, errors shown in one place. */
export async function requestFile(path: string, query?: Record<string, QueryValue>, fallbackName = 'export.xlsx'): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      headers: { Accept: '*/*', 'Accept-Language': presenter.language() },
      credentials: 'same-origin',
    });
  } catch {
    throw report(networkError(), {});
  }
  if (!response.ok) {
    const body = await parseBody(response);
    if (response.status === 401) {
      csrfToken = null;
      presenter.signedOut();
      throw toApiError(response.status, body);
    }
    throw report(toApiError(response.status, body), {});
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition'), fallbackName) };
}

/** Progress of a body being sent: bytes sent of the total. */
export type UploadProgress = (loaded: number, total: number) => void;

/**
 * POST of raw bytes (a file) with upload progress (XMLHttpRequest: fetch cannot report it), through
 * the same pipeline: CSRF token, the language, a 401 to the sign-in page, errors shown unless handled.
 * `signal` stops the sending (a cancel button, the page left): the promise fails with code `aborted`, shown nowhere.
 */
export function uploadFile<T>(
  path: string,
  query: Record<string, QueryValue>,
  file: Blob,
  onProgress?: UploadProgress,
  options: Pick<RequestOptions, 'codesHandled'> & { signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(abortedError());
      return;
    }
    const xhr = new XMLHttpRequest();
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.onabort = () => reject(abortedError());
    xhr.open('POST', buildUrl(path, query));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', presenter.language());
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (csrfToken !== null) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(report(networkError(), options));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText === '' ? null : (JSON.parse(xhr.responseText) as unknown);
      } catch {
        body = null;
      }
      if (xhr.status === 401) {
        csrfToken = null;
        presenter.signedOut();
        reject(toApiError(xhr.status, body));
      } else if (xhr.status < 200 || xhr.status >= 300) {
        reject(report(toApiError(xhr.status, body), options));
      } else {
        resolve(body as T);
      }
    };
    xhr.send(file);
  });
}

export const http = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>(path, { query }),
  post: <T>(path: string, body: unknown, fieldsHandled?: readonly string[]) =>
    request<T>(path, { method: 'POST', body, fieldsHandled }),
  patch: <T>(path: string, body: unknown, fieldsHandled?: readonly string[]) =>
    request<T>(path, { method: 'PATCH', body, fieldsHandled }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
