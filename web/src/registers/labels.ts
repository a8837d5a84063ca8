// The shown language and config labels in it, apart from bits.tsx (which pulls in the date inputs,
// Form and the catalogue): the workspace's quick start (HomeQuick) needs these alone.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { pick, type Label } from './config';

/** The language shown: "en" or "vi". */
export function useLanguage(): 'en' | 'vi' {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

/** A config label in the shown language. */
export function useLabel() {
  const lang = useLanguage();
  return useCallback((l: Label) => pick(l, lang), [lang]);
}
