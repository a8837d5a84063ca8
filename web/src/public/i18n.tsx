/**
 * The public pages' texts: a small dictionary per language (i18n/vi.json, i18n/en.json), without
 * i18next (the public pages must stay small). English is loaded only when chosen. The choice is
 * shared with the staff app (localStorage `antq.language`).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import vi from './i18n/vi.json';

export type Dict = typeof vi;
export type TextKey = keyof Dict;
export type Lang = 'vi' | 'en';
export type T = (key: TextKey, vars?: Record<string, string | number>) => string;

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

export function translator(dict: Dict): T {
  return (key, vars) => interpolate(dict[key] ?? vi[key] ?? key, vars);
}

interface I18n {
  lang: Lang;
  t: T;
  setLang: (lang: Lang) => void;
}

const Ctx = createContext<I18n>({ lang: 'vi', t: translator(vi), setLang: () => {} });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const [en, setEn] = useState<Dict | null>(null);

  useEffect(() => {
    if (lang === 'en' && !en) {
      void import('./i18n/en.json').then((m) => setEn(m.default as Dict));
    }
    document.documentElement.lang = lang === 'en' && en ? 'en' : 'vi';
  }, [lang, en]);

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
    const effective: Lang = lang === 'en' && en ? 'en' : 'vi';
    return { lang: effective, t: translator(effective === 'en' && en ? en : vi), setLang };
  }, [lang, en, setLang]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}
