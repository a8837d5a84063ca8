/**
 * The texts of a part loaded later than its page (the unit chooser, the answer screen): they come
 * with that part, not with the page a phone loads first, and are looked up before the page's.
 */
import { useMemo } from 'react';
import { translator, useI18n, type T, type Texts } from './i18n';

export function useOwnTexts(vi: Texts, en: Texts): T {
  const { t, lang } = useI18n();
  return useMemo(() => {
    const own = lang === 'en' ? translator(en, vi) : translator(vi);
    return (key, vars) => (key in vi ? own(key, vars) : t(key, vars));
  }, [t, lang, vi, en]);
}
