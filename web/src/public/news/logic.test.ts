import { describe, expect, it } from 'vitest';
import {
  FOLLOWED_UNIT_KEY,
  feedUrl,
  isEmail,
  kindKey,
  loadFollowedUnit,
  parseFollowedUnit,
  postClass,
  saveFollowedUnit,
  sortPosts,
  subscriptionKinds,
  unitFromSearch,
  urgencyOf,
  warningsOnly,
} from './logic';

/** A localStorage stand-in. */
function memoryStore() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    map: m,
  };
}

describe('the followed unit', () => {
  it('is remembered on the device and read back', () => {
    const s = memoryStore();
    expect(loadFollowedUnit(s)).toBeNull();
    saveFollowedUnit({ code: '21220', full_name: 'Xã Sơn Tịnh', parent_full_name: 'Tỉnh Quảng Ngãi' }, s);
    expect(JSON.parse(s.map.get(FOLLOWED_UNIT_KEY)!)).toEqual({ code: '21220', full_name: 'Xã Sơn Tịnh', parent_full_name: 'Tỉnh Quảng Ngãi' });
    expect(loadFollowedUnit(s)).toEqual({ code: '21220', full_name: 'Xã Sơn Tịnh', parent_full_name: 'Tỉnh Quảng Ngãi' });
    saveFollowedUnit(null, s);
    expect(loadFollowedUnit(s)).toBeNull();
  });

  it('ignores what is not a unit, and a storage that fails', () => {
    expect(parseFollowedUnit('not json')).toBeNull();
    expect(parseFollowedUnit('null')).toBeNull();
    expect(parseFollowedUnit('{"code": 5}')).toBeNull();
    expect(parseFollowedUnit('{"code": "  "}')).toBeNull();
    expect(parseFollowedUnit(JSON.stringify({ code: 'x'.repeat(41) }))).toBeNull();
    expect(parseFollowedUnit('{"code": "21220"}')).toEqual({ code: '21220', full_name: '21220', parent_full_name: null });
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {},
    };
    expect(loadFollowedUnit(broken)).toBeNull();
    expect(() => saveFollowedUnit({ code: '1', full_name: 'A' }, broken)).not.toThrow();
    expect(loadFollowedUnit(null)).toBeNull();
  });

  it('may come in the address', () => {
    expect(unitFromSearch('?unit=21220-001')).toBe('21220-001');
    expect(unitFromSearch('?unit=%2021220%20')).toBe('21220');
    expect(unitFromSearch('?unit=')).toBeNull();
    expect(unitFromSearch('')).toBeNull();
    expect(unitFromSearch(`?unit=${'9'.repeat(41)}`)).toBeNull();
  });
});

describe('the list of posts', () => {
  it('puts warnings first, then the newest, keeping the order of equals', () => {
    const posts = [
      { id: 'a', kind: 'news', published_at: '2026-05-03T01:00:00Z' },
      { id: 'b', kind: 'warning', published_at: '2026-05-01T01:00:00Z' },
      { id: 'c', kind: 'notice', published_at: '2026-05-04T01:00:00Z' },
      { id: 'd', kind: 'warning', published_at: '2026-05-02T01:00:00Z' },
      { id: 'e', kind: 'news', published_at: 'bad' },
      { id: 'f', kind: 'news', published_at: null },
    ];
    expect(sortPosts(posts).map((p) => p.id)).toEqual(['d', 'b', 'c', 'a', 'e', 'f']);
    expect(posts[0]!.id).toBe('a'); // not sorted in place
  });

  it('names kinds and urgency, and styles them', () => {
    expect(kindKey('warning')).toBe('news.kind.warning');
    expect(kindKey('notice')).toBe('news.kind.notice');
    expect(kindKey('news')).toBe('news.kind.news');
    expect(kindKey('other')).toBe('news.kind.news');
    expect(urgencyOf({ kind: 'warning', priority: 1 })).toBe('urgent');
    expect(urgencyOf({ kind: 'warning', priority: 2 })).toBe('high');
    expect(urgencyOf({ kind: 'warning', priority: 3 })).toBeNull();
    expect(urgencyOf({ kind: 'news' })).toBeNull();
    expect(postClass({ kind: 'warning', priority: 1 })).toBe('p-news-item p-news-item--warning p-news-item--urgent');
    expect(postClass({ kind: 'notice', priority: null })).toBe('p-news-item p-news-item--notice');
    expect(postClass({ kind: '"><script>', priority: 2 }, 'p-news-post')).toBe('p-news-post p-news-post--news p-news-post--high');
  });

  it('links the unit feed', () => {
    expect(feedUrl('21220')).toBe('/api/v1/public/units/21220/feed.xml');
    expect(feedUrl('a/b')).toBe('/api/v1/public/units/a%2Fb/feed.xml');
  });
});

describe('the e-mail subscription', () => {
  it('asks for warnings only, or everything', () => {
    expect(subscriptionKinds('warnings')).toEqual(['warning']);
    expect(subscriptionKinds('all')).toEqual(['news', 'warning', 'notice']);
    expect(warningsOnly(['warning'])).toBe(true);
    expect(warningsOnly(['news', 'warning', 'notice'])).toBe(false);
    expect(warningsOnly([])).toBe(false);
    expect(warningsOnly(undefined)).toBe(false);
  });

  it('checks the address before sending it', () => {
    expect(isEmail('nguoi.dan@example.vn')).toBe(true);
    expect(isEmail('  nguoi.dan@example.vn ')).toBe(true);
    expect(isEmail('khong-phai-email')).toBe(false);
    expect(isEmail('a@b')).toBe(false);
    expect(isEmail('a b@c.vn')).toBe(false);
    expect(isEmail(`${'a'.repeat(250)}@b.vn`)).toBe(false);
  });
});
