/** The news pages' pure rules: form ↔ API, what a post's status allows, the figures' wording. */
import type { Dayjs } from 'dayjs';
import { vnIso, vnWallClock } from '../registers/payload';
import type { DeliveryFigures, Id, NewsChannel, NewsKind, NewsPayload, NewsPost, NewsVersion, Recipients } from './api';

/** The compose form's values. */
export interface ComposeValues {
  kind: NewsKind;
  title: string;
  summary: string;
  body: string;
  target_units: string[];
  /** Ids of the Zalo and Facebook groups it goes to. */
  channels: string[];
  /** Warnings only; 3 (ordinary) unless chosen. */
  priority: number | null;
  publish_at: Dayjs | null;
  expires_at: Dayjs | null;
}

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 500;
export const BODY_MAX = 20_000;

/** A new post: news, targeted at the author's own unit. */
export function emptyCompose(unit: string | null | undefined): ComposeValues {
  return {
    kind: 'news',
    title: '',
    summary: '',
    body: '',
    target_units: unit ? [unit] : [],
    channels: [],
    priority: 3,
    publish_at: null,
    expires_at: null,
  };
}

export function postToValues(post: NewsPost): ComposeValues {
  const kind = (['news', 'warning', 'notice'] as const).find((k) => k === post.kind) ?? 'news';
  return {
    kind,
    title: post.title ?? '',
    summary: post.summary ?? '',
    body: post.body ?? '',
    target_units: (post.target_units ?? []).map((u) => u.code),
    channels: (post.channels ?? []).map((c) => String(c.id)),
    priority: post.priority ?? (kind === 'warning' ? 3 : null),
    publish_at: vnWallClock(post.publish_at),
    expires_at: vnWallClock(post.expires_at),
  };
}

/** A picker's Vietnam wall-clock time as an RFC 3339 UTC instant ("2026-11-20T12:30:00Z"); null for none. */
export function apiTime(d: Dayjs | null | undefined): string | null {
  if (!d || !d.isValid()) return null;
  const t = Date.parse(vnIso(d.second(0)));
  return Number.isNaN(t) ? null : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Whether two instants (RFC 3339, or null) are the same moment. */
function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return Date.parse(a) === Date.parse(b);
}

/** A list of ids, deduplicated and sorted, for comparing. */
const idSet = (ids: readonly Id[]) => [...new Set(ids.map(String))].sort().join('\n');

/**
 * The body of a create (everything) or of an edit of `initial` (only what changed; `null` empties
 * an optional field). The priority goes with warnings only; the groups never change once published.
 */
export function valuesToPayload(v: ComposeValues, initial?: NewsPost): NewsPayload {
  const full: Required<Omit<NewsPayload, 'topics'>> = {
    kind: v.kind,
    title: v.title.trim(),
    summary: v.summary.trim() || null,
    body: v.body.replace(/\s+$/, ''),
    target_units: [...new Set(v.target_units)],
    channels: [...new Set((v.channels ?? []).map(String))],
    priority: v.kind === 'warning' ? (v.priority ?? 3) : null,
    publish_at: apiTime(v.publish_at),
    expires_at: apiTime(v.expires_at),
  };
  if (!initial) {
    const body: NewsPayload = { ...full };
    for (const k of ['summary', 'priority', 'publish_at', 'expires_at'] as const) if (body[k] === null) delete body[k];
    if (full.channels.length === 0) delete body.channels;
    return body;
  }
  const out: NewsPayload = {};
  if (full.kind !== initial.kind) out.kind = full.kind;
  if (full.title !== initial.title) out.title = full.title;
  if ((full.summary ?? '') !== (initial.summary ?? '')) out.summary = full.summary;
  if (full.body !== initial.body) out.body = full.body;
  const before = (initial.target_units ?? []).map((u) => u.code);
  if ([...full.target_units].sort().join('\n') !== [...before].sort().join('\n')) out.target_units = full.target_units;
  const groups = (initial.channels ?? []).map((c) => c.id);
  if (initial.status !== 'published' && idSet(full.channels) !== idSet(groups)) out.channels = full.channels;
  if ((full.priority ?? null) !== (initial.kind === 'warning' ? (initial.priority ?? null) : null)) out.priority = full.priority;
  if (!sameInstant(full.publish_at, initial.publish_at)) out.publish_at = full.publish_at;
  if (!sameInstant(full.expires_at, initial.expires_at)) out.expires_at = full.expires_at;
  return out;
}

/** What is wrong with the times: the expiry must come after the publication (and after now). */
export function timesProblem(
  v: Pick<ComposeValues, 'publish_at' | 'expires_at'>,
  now: Date = new Date(),
): 'expiresBeforePublish' | 'expiresPast' | null {
  const pub = apiTime(v.publish_at);
  const exp = apiTime(v.expires_at);
  if (!exp) return null;
  if (pub && Date.parse(exp) <= Date.parse(pub)) return 'expiresBeforePublish';
  if (Date.parse(exp) <= now.getTime()) return 'expiresPast';
  return null;
}

/** What a post's status lets the user do. */
export interface PostActions {
  edit: boolean;
  publish: boolean;
  withdraw: boolean;
  delete: boolean;
}

export function postActions(post: Pick<NewsPost, 'status'>, can: { write: boolean; approve: boolean }): PostActions {
  const s = post.status;
  return {
    edit: can.write && (s === 'draft' || s === 'pending' || s === 'published'),
    // a pending post waits for an approver
    publish: (s === 'draft' && (can.write || can.approve)) || (s === 'pending' && can.approve),
    withdraw: s === 'published' && (can.write || can.approve),
    delete: can.write && (s === 'draft' || s === 'pending'),
  };
}

/**
 * The groups the picker offers: those of the chosen areas, then the post's saved ones that are not
 * among them (so that they can still be unticked); each once (a village's group comes back with its
 * commune's too when both are chosen).
 */
export function channelOptions(available: readonly NewsChannel[] | null | undefined, saved?: readonly NewsChannel[] | null): NewsChannel[] {
  const out: NewsChannel[] = [];
  const seen = new Set<string>();
  for (const c of [...(available ?? []), ...(saved ?? [])]) {
    if (seen.has(String(c.id))) continue;
    seen.add(String(c.id));
    out.push(c);
  }
  return out;
}

/** The chosen groups still offered (a group of an area no longer chosen drops out). */
export function keptChannels(selected: readonly string[], options: readonly NewsChannel[]): string[] {
  const offered = new Set(options.map((c) => String(c.id)));
  return selected.filter((id) => offered.has(String(id)));
}

/** How a group gets the post: a Zalo group with its id on the platform by itself, the others by hand. */
export function channelMode(c: Pick<NewsChannel, 'platform' | 'connected'>): 'auto' | 'manual' {
  return c.platform === 'zalo' && c.connected ? 'auto' : 'manual';
}

/** People and groups a post will reach: the subscribers, the chosen groups and their members. */
export function recipientsSummary(
  r: Recipients | null | undefined,
  selected: readonly Id[] = [],
  saved?: readonly NewsChannel[] | null,
): { subscribers: number; groups: number; members: number } {
  const chosen = new Set(selected.map(String));
  const groups = channelOptions(r?.channels, saved).filter((c) => chosen.has(String(c.id)));
  return {
    subscribers: r?.subscribers ?? 0,
    groups: groups.length,
    members: groups.reduce((n, c) => n + (c.members ?? 0), 0),
  };
}

/** Sent out of everything that had to go (queued, sent, failed, bounced, held); skipped ones do not count. */
export function deliveryProgress(f: Partial<DeliveryFigures> | null | undefined): { done: number; total: number; percent: number } {
  if (!f) return { done: 0, total: 0, percent: 0 };
  const done = f.sent ?? 0;
  const total = done + (f.queued ?? 0) + (f.failed ?? 0) + (f.bounced ?? 0) + (f.held ?? 0);
  return { done, total, percent: total ? Math.floor((done * 100) / total) : 0 };
}

/** The versions, the newest first. */
export function historyNewestFirst(history: readonly NewsVersion[] | null | undefined): NewsVersion[] {
  return [...(history ?? [])].sort((a, b) => b.version - a.version);
}

/** The query of the recipients' count: the units in a stable order, '' when there are none. */
export function recipientsQueryKey(units: readonly string[]): string {
  return [...new Set(units)].sort().join(',');
}
