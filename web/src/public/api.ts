/**
 * The public pages' API calls (no login, no cookies needed). A small fetch wrapper of its own:
 * the staff client pulls in i18next and the staff texts.
 */
import { parseRetryAfter } from '../lib/http';

export class PublicApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly retryAfter?: number;
  /** Whether `message` is the server's own (Vietnamese) text. */
  readonly fromServer: boolean;

  constructor(status: number, code: string, message: string, opts: { field?: string; retryAfter?: number; fromServer?: boolean } = {}) {
    super(message);
    this.name = 'PublicApiError';
    this.status = status;
    this.code = code;
    this.field = opts.field;
    this.retryAfter = opts.retryAfter;
    this.fromServer = opts.fromServer ?? false;
  }
}

interface CallOptions {
  query?: Record<string, string | undefined>;
  json?: unknown;
  body?: Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** 'same-origin' sends the staff session cookie (only to ask who is logged in). */
  credentials?: RequestCredentials;
}

export async function call<T>(method: string, path: string, opts: CallOptions = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v) params.set(k, v);
  const qs = params.toString();
  const url = qs ? `${path}?${qs}` : path;
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.body) {
    headers['Content-Type'] = opts.body.type || 'application/octet-stream';
    body = opts.body;
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body, signal: opts.signal, credentials: opts.credentials ?? 'omit' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new PublicApiError(0, 'network', '');
  }
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  if (!res.ok) {
    const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
    const err = (data as { error?: { code?: unknown; message?: unknown; field?: unknown } } | undefined)?.error;
    if (err && typeof err.message === 'string') {
      return Promise.reject(
        new PublicApiError(res.status, String(err.code ?? 'error'), err.message, {
          field: typeof err.field === 'string' ? err.field : undefined,
          retryAfter,
          fromServer: true,
        }),
      );
    }
    throw new PublicApiError(res.status, `http_${res.status}`, '', { retryAfter });
  }
  return data as T;
}

// --- types ----------------------------------------------------------------------------------------

export interface Unit {
  code: string;
  name: string;
  full_name: string;
  kind: string;
  has_children?: boolean;
}

export interface UnitDetail extends Unit {
  ancestors: Unit[];
  active?: boolean;
  successor?: Unit | null;
}

export interface Category {
  code: string;
  label: string;
  label_en?: string | null;
}

export type Challenge = { required: false } | { required: true; token: string; bits: number; expires_in: number };

export interface Reporter {
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface NewTip {
  unit: string;
  category: string;
  description: string;
  occurred_at?: string;
  place?: string;
  lat?: number;
  lng?: number;
  anonymous: boolean;
  reporter?: Reporter;
}

export interface SentTip {
  tracking_code: string;
  secret: string;
  received_at: string;
  unit: { code: string; name: string; full_name: string };
}

export interface PublicMessage {
  id: string;
  at: string;
  from: 'reporter' | 'police' | string;
  body: string;
}

export interface PublicAttachment {
  id: string;
  at: string;
  kind: 'image' | 'video' | string;
  media_type: string;
  size: number;
}

export interface TrackedTip {
  tracking_code: string;
  status: string;
  category: string;
  unit: { code: string; name: string; full_name: string };
  received_at: string;
  decision: null | { status: string; note: string | null; at: string };
  timeline: { at: string; kind: string; status?: string | null; until?: string | null }[];
  messages: PublicMessage[];
  attachments: PublicAttachment[];
  /** Whether an e-mail is told of updates (absent on servers without the notification API). */
  notify?: boolean;
  /** False when the server cannot send e-mail (no SMTP server configured): the form is hidden. */
  notify_available?: boolean;
}

/** A hit of the unit search (`GET /api/v1/units/search`). */
export interface UnitHit extends Unit {
  active?: boolean;
  parent_full_name?: string | null;
}

/** An entry of a catalogue (`GET /api/v1/catalog`). */
export interface CatalogItem {
  code: string;
  label: string;
  label_en?: string | null;
  active?: boolean;
}

/** `POST /api/v1/public/opinions` takes exactly these fields (any other is refused). */
export interface NewOpinion {
  unit: string;
  topic: string;
  content: string;
}

export interface SentOpinion {
  id: string;
  received_on: string;
}

/** Who is logged in on this browser (staff), from `GET /api/v1/auth/me`. */
export interface StaffSession {
  user: { username: string; display_name?: string | null };
}

// --- calls ----------------------------------------------------------------------------------------

const enc = encodeURIComponent;

export const listUnits = (parent?: string, signal?: AbortSignal) =>
  call<{ items: Unit[] }>('GET', '/api/v1/units', { query: { parent }, signal });

export const getUnit = (code: string, signal?: AbortSignal) => call<UnitDetail>('GET', `/api/v1/units/${enc(code)}`, { signal });

export const getCategories = (signal?: AbortSignal) =>
  call<{ items: Category[] }>('GET', '/api/v1/public/tip-categories', { signal });

/** The challenge for a tip to `unit` (a unit receiving a flood of tips asks for more work). */
export const getChallenge = (unit?: string, signal?: AbortSignal) =>
  call<Challenge>('GET', '/api/v1/public/challenge', { query: { unit }, signal });

export const sendTip = (tip: NewTip, challenge: string | null) =>
  call<SentTip>('POST', '/api/v1/public/tips', { json: tip, headers: challenge ? { 'X-Challenge': challenge } : {} });

export const trackTip = (code: string, secret: string, signal?: AbortSignal) =>
  call<TrackedTip>('GET', `/api/v1/public/tips/${enc(code)}`, { headers: { 'X-Tip-Secret': secret }, signal });

export const sendMessage = (code: string, secret: string, body: string) =>
  call<PublicMessage>('POST', `/api/v1/public/tips/${enc(code)}/messages`, { json: { body }, headers: { 'X-Tip-Secret': secret } });

export const uploadAttachment = (code: string, secret: string, file: Blob, keepLocation: boolean) =>
  call<PublicAttachment>('POST', `/api/v1/public/tips/${enc(code)}/attachments`, {
    body: file,
    headers: { 'X-Tip-Secret': secret },
    query: { keep_location: keepLocation ? 'true' : undefined },
  });

export const searchUnits = (q: string, signal?: AbortSignal) =>
  call<{ items: UnitHit[] }>('GET', '/api/v1/units/search', { query: { q, limit: '20' }, signal });

/** The topics (lĩnh vực) of opinions: the `topics` catalogue. */
export const getTopics = (signal?: AbortSignal) =>
  call<{ topics?: CatalogItem[] }>('GET', '/api/v1/catalog', { signal }).then((c) => (c.topics ?? []).filter((i) => i.active !== false));

export const sendOpinion = (opinion: NewOpinion, idempotencyKey: string) =>
  call<SentOpinion>('POST', '/api/v1/public/opinions', { json: opinion, headers: { 'Idempotency-Key': idempotencyKey } });

// E-mail when a tip changes (POST/DELETE …/notify → 204); the server seals the address like the
// reporter's identity and sends only "có cập nhật mới" with the link.
export const subscribeTipUpdates = (code: string, secret: string, email: string) =>
  call<void>('POST', `/api/v1/public/tips/${enc(code)}/notify`, { json: { email }, headers: { 'X-Tip-Secret': secret } });

export const unsubscribeTipUpdates = (code: string, secret: string) =>
  call<void>('DELETE', `/api/v1/public/tips/${enc(code)}/notify`, { headers: { 'X-Tip-Secret': secret } });

/** The one-click link of a notification e-mail (`/huy-nhan-tin?token=…`). */
export const unsubscribeByToken = (token: string) =>
  call<void>('POST', '/api/v1/public/notifications/unsubscribe', { json: { token } });

/** The staff session of this browser, if any (401 for a visitor). */
export const getStaffSession = (signal?: AbortSignal) =>
  call<StaffSession>('GET', '/api/v1/auth/me', { signal, credentials: 'same-origin' });

/** A random key for `Idempotency-Key` (crypto.randomUUID exists only on secure origins). */
export function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
