/**
 * The public pages' texts: small dictionaries (i18n/common.*.json, plus home.*, submit.*, track.*,
 * opinion.*, unsubscribe.* or news.* (the news pages and the subscription links) for the page at hand; the unit chooser's and the answer screen's come with them), without i18next, so that a page carries only
 * its own texts. English is loaded only when chosen. The choice is shared with the staff app (localStorage `antq.language`).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type common from './i18n/common.vi.json';
import type home from './i18n/home.vi.json';
import type chooser from './i18n/chooser.vi.json';
import type opinion from './i18n/opinion.vi.json';
import type sent from './i18n/sent.vi.json';
import type submit from './i18n/submit.vi.json';
import type track from './i18n/track.vi.json';
import type unsubscribe from './i18n/unsubscribe.vi.json';
import type unitSearch from './i18n/unitSearch.vi.json';
import type news from './i18n/news.vi.json';

/** Every text of the public pages (a page's dictionary holds its own part). */
export type Dict = typeof common &
  typeof home &
  typeof submit &
  typeof chooser &
  typeof sent &
  typeof track &
  typeof opinion &
  typeof unsubscribe &
  typeof unitSearch &
  typeof news;
export type TextKey = keyof Dict;
export type Lang = 'vi' | 'en';
export type T = (key: TextKey, vars?: Record<string, string | number>) => string;
export type Texts = Partial<Record<TextKey, string>>;

const STORAGE_KEY = 'antq.language';

export function storedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Fills `{{name}}` placeholders. */
export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/{{\s*(\w+)\s*}}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));
}

/** t() over a dictionary, falling back to a second one (Vietnamese), then to the key itself. */
export function translator(dict: Texts, fallback: Texts = {}): T {
  return (key, vars) => interpolate(dict[key] ?? fallback[key] ?? key, vars);
}

interface I18n {
  lang: Lang;
  t: T;
  setLang: (lang: Lang) => void;
}

const Ctx = createContext<I18n>({ lang: 'vi', t: translator({}), setLang: () => {} });

interface ProviderProps {
  /** The page's Vietnamese texts. */
  vi: Texts;
  /** Loads the page's English texts. */
  loadEn: () => Promise<Texts>;
  children: ReactNode;
}

export function I18nProvider({ vi, loadEn, children }: ProviderProps) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const [en, setEn] = useState<Texts | null>(null);

  useEffect(() => {
    if (lang === 'en' && !en) void loadEn().then(setEn);
    document.documentElement.lang = lang === 'en' && en ? 'en' : 'vi';
  }, [lang, en, loadEn]);

  const setLang = useCallback((next: Lang) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    // until English has arrived, Vietnamese
    const english = lang === 'en' && !!en;
    return { lang: english ? 'en' : 'vi', t: english ? translator(en, vi) : translator(vi), setLang };
  }, [lang, en, vi, setLang]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}
