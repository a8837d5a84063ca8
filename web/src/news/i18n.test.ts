import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWS_I18N } from './i18n';

type Tree = { [k: string]: string | Tree };
const flat = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flat(v, `${prefix}${k}.`),
  );
const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('news texts', () => {
  const vi = new Map(flat(NEWS_I18N.vi as Tree));
  const en = new Map(flat(NEWS_I18N.en as Tree));

  it('have the same keys and placeholders in both languages, and precomposed letters', () => {
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
    for (const [k, v] of vi) {
      expect(v.trim(), k).not.toBe('');
      expect(placeholders(en.get(k)!), k).toEqual(placeholders(v));
      expect(v, k).toBe(v.normalize('NFC'));
    }
  });

  it('contain every news.* key the pages ask for', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.tsx'))) {
      const src = readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'news\.([a-zA-Z0-9_.]+)'/g)) expect(vi.has(m[1]!), `${f}: news.${m[1]}`).toBe(true);
    }
  });

  // The frame does not load them (its menu's entry is the app's nav.news): each page does.
  it('are added by each of the pages that show them', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    for (const page of ['NewsPage.tsx', 'ComposePage.tsx', 'PostPage.tsx']) {
      expect(readFileSync(path.join(dir, page), 'utf8'), page).toMatch(/^import '\.\/i18n';$/m);
    }
  });

  it('carry the fixed wording', () => {
    expect(vi.get('recipients.text')).toBe('Sẽ gửi tới {{subscribers}} người đăng ký và {{groups}} nhóm');
    expect(vi.get('channels.label')).toBe('Nhóm Zalo, Facebook');
    expect([vi.get('channels.auto'), vi.get('channels.manual')]).toEqual(['Gửi tự động', 'Đăng thủ công']);
    expect(vi.get('deliveries.recorded')).toBe('Đã ghi nhận (đăng thủ công)');
    expect([vi.get('kind.news'), vi.get('kind.warning'), vi.get('kind.notice')]).toEqual(['Tin tức', 'Cảnh báo', 'Thông báo']);
    expect(vi.get('priority.1')).toBe('Khẩn');
  });
});
