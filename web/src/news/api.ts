/** Calls of the news module (docs/decisions/0015-news-and-channels.md). */
import { getJson, patchJson, postJson, request } from '../api/client';
import type { Page } from '../api/types';

export type Id = string | number;
export type NewsKind = 'news' | 'warning' | 'notice';
export const NEWS_KINDS: readonly NewsKind[] = ['news', 'warning', 'notice'];
export type NewsStatus = 'draft' | 'pending' | 'published' | 'withdrawn';
export const NEWS_STATUSES: readonly NewsStatus[] = ['draft', 'pending', 'published', 'withdrawn'];
/** 1 khẩn (skips quiet hours), 2 quan trọng, 3 thông thường. */
export const PRIORITIES = [1, 2, 3] as const;

export interface UnitRef {
  code: string;
  name: string;
  full_name?: string;
}

/** A Zalo or Facebook group of the groups register a post may go to. */
export interface NewsChannel {
  id: Id;
  name: string;
  platform: 'zalo' | 'facebook' | string;
  members: number | null;
  unit?: { code: string; full_name: string };
  /** The group has its id on the platform: a Zalo post goes out by itself; otherwise it is only recorded. */
  connected?: boolean;
}

export interface NewsFigures {
  recipients?: number | null;
  sent?: number | null;
  failed?: number | null;
  views?: number | null;
}

export interface NewsVersion {
  version: number;
  at: string;
  by: string | null;
  title: string;
  summary: string | null;
  body: string;
}

export interface NewsPost {
  id: Id;
  kind: NewsKind | string;
  title: string;
  summary: string | null;
  body: string;
  body_html: string;
  status: NewsStatus | string;
  /** Published with a publish_at still to come. */
  scheduled: boolean;
  priority: number | null;
  topics: string[];
  target_units: UnitRef[];
  /** The Zalo and Facebook groups it goes to. */
  channels?: NewsChannel[];
  unit: UnitRef;
  author: string | null;
  publish_at: string | null;
  published_at: string | null;
  expires_at: string | null;
  withdrawn_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  figures?: NewsFigures;
  history?: NewsVersion[];
}

/** The body of a create or an edit (an edit sends only what changed). */
export interface NewsPayload {
  kind?: NewsKind;
  title?: string;
  summary?: string | null;
  body?: string;
  target_units?: string[];
  /** Ids of groups; not changeable once published. */
  channels?: string[];
  topics?: string[];
  priority?: number | null;
  publish_at?: string | null;
  expires_at?: string | null;
}

export interface Recipients {
  subscribers: number;
  channels: NewsChannel[];
  total: number;
}

export interface DeliveryFigures {
  queued: number;
  sent: number;
  /** Broadcasts recorded for groups without a connector (posted by hand). */
  recorded?: number;
  failed: number;
  bounced: number;
  held: number;
  skipped: number;
}

export interface Deliveries {
  figures: DeliveryFigures;
  failed: { channel: string; at: string | null; attempts: number; reason: string | null }[];
}

export type NewsQuery = Record<string, string | number | undefined>;

const BASE = '/api/v1/news';
const enc = (id: Id) => encodeURIComponent(String(id));

export const newsKeys = {
  all: ['news'] as const,
  list: (q: NewsQuery) => ['news', 'list', q] as const,
  detail: (id: Id) => ['news', 'detail', String(id)] as const,
  deliveries: (id: Id) => ['news', 'deliveries', String(id)] as const,
  recipients: (units: readonly string[], kind: string) => ['news', 'recipients', [...units].sort().join(','), kind] as const,
  settings: (unit: string) => ['news', 'settings', unit] as const,
};

export const listNews = (query: NewsQuery, signal?: AbortSignal) => getJson<Page<NewsPost>>(BASE, query, signal);
export const getNews = (id: Id, signal?: AbortSignal) => getJson<NewsPost>(`${BASE}/${enc(id)}`, undefined, signal);
export const createNews = (body: NewsPayload) => postJson<NewsPost>(BASE, body);
export const updateNews = (id: Id, body: NewsPayload) => patchJson<NewsPost>(`${BASE}/${enc(id)}`, body);
export const deleteNews = (id: Id) => request<void>('DELETE', `${BASE}/${enc(id)}`);
export const publishNews = (id: Id) => postJson<NewsPost>(`${BASE}/${enc(id)}/publish`);
export const withdrawNews = (id: Id) => postJson<NewsPost>(`${BASE}/${enc(id)}/withdraw`);
export const getDeliveries = (id: Id, signal?: AbortSignal) => getJson<Deliveries>(`${BASE}/${enc(id)}/deliveries`, undefined, signal);
export const getRecipients = (units: readonly string[], kind: string, signal?: AbortSignal) =>
  getJson<Recipients>(`${BASE}/recipients`, { units: units.join(','), kind }, signal);
export const getNewsSettings = (unit: string, signal?: AbortSignal) =>
  getJson<{ requires_approval: boolean }>(`${BASE}/settings/${enc(unit)}`, undefined, signal);
export const putNewsSettings = (unit: string, body: { requires_approval: boolean }) =>
  request<{ requires_approval: boolean }>('PUT', `${BASE}/settings/${enc(unit)}`, { body });
