import i18n from '../i18n';
import { parseRetryAfter } from '../lib/http';
import type { ApiErrorBody } from './types';

export { parseRetryAfter };

/** An error answered by the server (or the failure to reach it). */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** Machine-readable code, e.g. `not_found`, `validation_failed`, `network`. */
  readonly code: string;
  /** The input field the error is about, when the server names one. */
  readonly field?: string;
  /** Seconds to wait before trying again (the `Retry-After` header of a 429 or 503 answer). */
  readonly retryAfter?: number;
  /** The whole answer, for errors that carry more than a message (`edit_conflict`: `current`). */
  readonly body?: unknown;

  constructor(status: number, code: string, message: string, field?: string, retryAfter?: number, body?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
    this.body = body;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';
}

/** Turns a non-2xx response into an ApiError, preferring the server's (Vietnamese) message. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (e.g. a proxy error page): fall back to a generic message
  }
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  if (isErrorBody(body)) {
    return new ApiError(res.status, body.error.code, body.error.message, body.error.field ?? undefined, retryAfter, body);
  }
  return new ApiError(res.status, 'http_' + res.status, i18n.t('error.http', { status: res.status }), undefined, retryAfter);
}

type Query = Record<string, string | number | undefined | null>;

/** Builds an absolute API URL ("/api/v1/..."), dropping empty query values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

// --- session plumbing -------------------------------------------------------------------------
//
// The session itself is the HttpOnly cookie `antq_session`, which the browser sends on its own
// (same origin). What the client keeps is the CSRF token the server hands out with the session:
// every unsafe request carries it in `X-CSRF-Token`.

let csrfToken: string | null = null;
let unauthorizedHandler: ((error: ApiError, path: string) => void) | null = null;

/** Sets (or clears, with null) the CSRF token sent with unsafe requests. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/**
 * Registers the function told about every 401 answer (the session has ended or was revoked).
 * Returns a function that unregisters it.
 */
export function onUnauthorized(handler: (error: ApiError, path: string) => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

let passwordChangeHandler: ((error: ApiError) => void) | null = null;

/**
 * Registers the function told about a 403 `password_change_required` answer (the account's
 * password is a temporary one an administrator set: nothing else opens until its owner changes it).
 * Returns a function that unregisters it.
 */
export function onPasswordChangeRequired(handler: (error: ApiError) => void): () => void {
  passwordChangeHandler = handler;
  return () => {
    if (passwordChangeHandler === handler) passwordChangeHandler = null;
  };
}

let reauthenticator: (() => Promise<boolean>) | null = null;

/**
 * Registers the function asked to log in again when a request of a logged-in user is answered
 * 401 (the session expired while the page was open): it resolves true once the user has logged in
 * again (the request is then sent once more, with the new CSRF token), false when the user gave up.
 * Returns a function that unregisters it.
 */
export function setReauthenticator(fn: () => Promise<boolean>): () => void {
  reauthenticator = fn;
  return () => {
    if (reauthenticator === fn) reauthenticator = null;
  };
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True for methods that change state, which need the CSRF token. */
export function isUnsafeMethod(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

/** The headers of a request: JSON in and out, and the CSRF token on unsafe methods. */
export function requestHeaders(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (isUnsafeMethod(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A file sent as the raw body (uploads), with its own media type; instead of `body`. */
  file?: Blob;
  signal?: AbortSignal;
  /**
   * Do not treat a 401 answer as the end of the session: the login itself, and checks of the
   * user's own password, answer 401 for wrong credentials.
   */
  credentialCheck?: boolean;
  /** Internal: the request is already the repeat after a new login. */
  retried?: boolean;
  /**
   * Sent as `Idempotency-Key`: the server answers a repeat of the request with the first answer
   * instead of doing it twice (the offline outbox sends with the id it made on the device).
   */
  idempotencyKey?: string;
  /** Sent as `If-Match`: the version of the record the edit was made on (409 when it changed since). */
  ifMatch?: string;
  /**
   * false: a 401 does not open the log-in dialog (a send in the background, which keeps its work
   * for after the next log-in instead of interrupting the officer).
   */
  reauthenticate?: boolean;
  /** `blob`: the answer is a file (a download), returned as a Blob. */
  as?: 'json' | 'blob';
}

/** Codes of 401 answers that are about the credentials typed in, not about the session. */
const CREDENTIAL_CODES = new Set(['invalid_credentials', 'totp_required', 'invalid_totp', 'invalid_password']);

/** Whether a 401 answer means that the session is gone (as opposed to a wrong password typed in a form). */
export function endsSession(error: ApiError, credentialCheck = false): boolean {
  if (error.status !== 401) return false;
  if (credentialCheck) return false;
  return !error.field && !CREDENTIAL_CODES.has(error.code);
}

/** Sends a request and returns the parsed JSON body (undefined for 204); throws ApiError on any failure. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { query, body, file, signal, credentialCheck = false } = options;
  // the session the request was sent with: a 401 with a session asks for the password again
  const hadSession = csrfToken !== null;
  let res: Response;
  try {
    const headers = requestHeaders(method, body !== undefined);
    if (file) headers['Content-Type'] = file.type || 'application/octet-stream';
    if (options.as === 'blob') headers.Accept = '*/*';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    res = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', i18n.t('error.network'));
  }
  if (!res.ok) {
    const error = await errorFromResponse(res);
    if (endsSession(error, credentialCheck)) {
      // the session ended while the page was open (idle time-out): log in again in place, keep
      // what the page holds (a form being filled in) and send the request once more
      if (hadSession && !options.retried && options.reauthenticate !== false && reauthenticator && !signal?.aborted) {
        if (await reauthenticator()) return request<T>(method, path, { ...options, retried: true });
      }
      unauthorizedHandler?.(error, path);
    }
    if (error.status === 403 && error.code === 'password_change_required') passwordChangeHandler?.(error);
    throw error;
  }
  if (options.as === 'blob') return (await res.blob()) as T;
  if (res.status === 204 || res.status === 205) return undefined as T;
  const text = await res.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, 'bad_response', i18n.t('error.badResponse'));
  }
}

/** GET a JSON document; throws ApiError on any failure. */
export async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', path, { query, signal });
}

export const postJson = <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
  request<T>('POST', path, { ...options, body });

export const patchJson = <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
  request<T>('PATCH', path, { ...options, body });

/** Uploads one file as the raw body of a POST (photos, evidence), through the same session and CSRF handling. */
export const uploadFile = <T>(path: string, file: Blob, query?: Query) => request<T>('POST', path, { query, file });

/** Fetches a file (an export) through the same session handling, for saving under a name of the app's choosing. */
export const fetchBlob = (url: string, signal?: AbortSignal) => request<Blob>('GET', url, { as: 'blob', signal });
