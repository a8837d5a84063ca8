import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title from an i18n key, and follows language changes. */
export function usePageTitle(key: string): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: t(key) });
  }, [t, key, i18n.language]);
}
