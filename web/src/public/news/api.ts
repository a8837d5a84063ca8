/** The public news calls (no account): docs/decisions/0015-news-and-channels.md. */
import { call } from '../api';
import type { NewsKind } from './logic';

export interface PublicUnitRef {
  code: string;
  name: string;
  full_name: string;
}

/** A post in a unit's list. */
export interface PublicPostItem {
  id: string | number;
  kind: NewsKind | string;
  title: string;
  summary?: string | null;
  priority?: number | null;
  published_at: string;
  expires_at?: string | null;
  /** The names of the units it was sent to. */
  targets?: string[];
}

export interface PublicNewsList {
  unit: PublicUnitRef;
  items: PublicPostItem[];
}

/** A post as a resident reads it: `body_html` is the server's own rendering of the Markdown, sanitised. */
export interface PublicPost extends PublicPostItem {
  body_html: string;
}

export interface ConfirmedSubscription {
  unit: PublicUnitRef;
  kinds: string[];
}

const enc = encodeURIComponent;

export const listPublicNews = (unit: string, signal?: AbortSignal) =>
  call<PublicNewsList>('GET', '/api/v1/public/news', { query: { unit }, signal });

/** One post (counts a view on the server); 404 once withdrawn or expired. */
export const getPublicPost = (id: string, signal?: AbortSignal) => call<PublicPost>('GET', `/api/v1/public/news/${enc(id)}`, { signal });

/** 202 `{"status": "pending"}` whether or not the address was known; the confirmation goes by e-mail. */
export const subscribe = (unit: string, email: string, kinds: NewsKind[]) =>
  call<{ status?: string }>('POST', '/api/v1/public/subscriptions', { json: { unit, email, kinds } });

/** The double opt-in: the token of the confirmation e-mail; 404 for an unknown token. */
export const confirmSubscription = (token: string) =>
  call<ConfirmedSubscription>('POST', '/api/v1/public/subscriptions/confirm', { json: { token } });

/**
 * The one-click unsubscribe (RFC 8058): the token in the address and the body a mail client sends
 * (`List-Unsubscribe=One-Click`), so that the page and the mail client make the same request.
 */
export const cancelSubscription = (token: string) =>
  call<unknown>('POST', '/api/v1/public/subscriptions/unsubscribe', {
    query: { token },
    body: new Blob(['List-Unsubscribe=One-Click'], { type: 'application/x-www-form-urlencoded' }),
  });
