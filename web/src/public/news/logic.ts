/**
 * The news pages' pure rules (no React, no fetch): the commune remembered on the device, the order
 * of the posts, their kind and priority, the choice of what to receive by e-mail.
 */

export type NewsKind = 'news' | 'warning' | 'notice';
export const NEWS_KINDS: readonly NewsKind[] = ['news', 'warning', 'notice'];

/** The unit a resident follows, as the device remembers it. */
export interface FollowedUnit {
  code: string;
  full_name: string;
  parent_full_name?: string | null;
}

/** localStorage key of the followed unit (no name of a person: a place only). */
export const FOLLOWED_UNIT_KEY = 'antq.news.unit';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function store(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // private mode, storage disabled
  }
}

/** The followed unit of a stored text, or null when it is not one. */
export function parseFollowedUnit(text: string | null | undefined): FollowedUnit | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<FollowedUnit> | null;
    if (!v || typeof v.code !== 'string' || !v.code.trim() || v.code.length > 40) return null;
    return {
      code: v.code.trim(),
      full_name: typeof v.full_name === 'string' && v.full_name ? v.full_name : v.code.trim(),
      parent_full_name: typeof v.parent_full_name === 'string' ? v.parent_full_name : null,
    };
  } catch {
    return null;
  }
}

export function loadFollowedUnit(s: Store | null = store()): FollowedUnit | null {
  try {
    return parseFollowedUnit(s?.getItem(FOLLOWED_UNIT_KEY));
  } catch {
    return null;
  }
}

/** Remembers the unit on this device (null forgets it). */
export function saveFollowedUnit(unit: FollowedUnit | null, s: Store | null = store()): void {
  try {
    if (unit) {
      const { code, full_name, parent_full_name } = unit;
      s?.setItem(FOLLOWED_UNIT_KEY, JSON.stringify({ code, full_name, parent_full_name: parent_full_name ?? null }));
    } else s?.removeItem(FOLLOWED_UNIT_KEY);
  } catch {
    // full or disabled: the choice lasts for this page only
  }
}

/** The unit named in the address (`?unit=CODE`), or null. */
export function unitFromSearch(search: string): string | null {
  const code = new URLSearchParams(search).get('unit')?.trim();
  return code && code.length <= 40 ? code : null;
}

interface Sortable {
  kind: string;
  published_at?: string | null;
}

/** Warnings first, then newest first (the server's order; kept here too, stable for equal times). */
export function sortPosts<T extends Sortable>(items: readonly T[]): T[] {
  const time = (p: T) => {
    const t = p.published_at ? Date.parse(p.published_at) : NaN;
    return Number.isNaN(t) ? 0 : t;
  };
  return items
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const w = Number(b.p.kind === 'warning') - Number(a.p.kind === 'warning');
      return w || time(b.p) - time(a.p) || a.i - b.i;
    })
    .map((x) => x.p);
}

/** 1 = khẩn (urgent), 2 = quan trọng; 3 or none = ordinary. */
export type Urgency = 'urgent' | 'high' | null;

export function urgencyOf(post: { kind: string; priority?: number | null }): Urgency {
  if (post.priority === 1) return 'urgent';
  if (post.priority === 2) return 'high';
  return null;
}

/** The text key of a kind ("Tin tức", "Cảnh báo", "Thông báo"); unknown kinds read as news. */
export function kindKey(kind: string): 'news.kind.news' | 'news.kind.warning' | 'news.kind.notice' {
  return kind === 'warning' ? 'news.kind.warning' : kind === 'notice' ? 'news.kind.notice' : 'news.kind.news';
}

/** The CSS modifiers of a post in the list: its kind and its urgency. */
export function postClass(post: { kind: string; priority?: number | null }, base = 'p-news-item'): string {
  const kind = (NEWS_KINDS as readonly string[]).includes(post.kind) ? post.kind : 'news';
  const urgency = urgencyOf(post);
  return [base, `${base}--${kind}`, urgency ? `${base}--${urgency}` : ''].filter(Boolean).join(' ');
}

/** What a resident asks to receive by e-mail. */
export type Receive = 'warnings' | 'all';

/** The subscription's `kinds`: warnings only, or every kind. */
export function subscriptionKinds(receive: Receive): NewsKind[] {
  return receive === 'warnings' ? ['warning'] : ['news', 'warning', 'notice'];
}

/** Whether a confirmed subscription's `kinds` is warnings only. */
export function warningsOnly(kinds: readonly string[] | null | undefined): boolean {
  return !!kinds && kinds.length > 0 && kinds.every((k) => k === 'warning');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A plausible e-mail address (the server decides; this only spares a round trip). */
export function isEmail(text: string): boolean {
  const v = text.trim();
  return v.length <= 254 && EMAIL.test(v);
}

/** The Atom feed of a unit's posts. */
export const feedUrl = (code: string) => `/api/v1/public/units/${encodeURIComponent(code)}/feed.xml`;
