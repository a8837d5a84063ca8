/** The public pages' frame: a light header, the page, the footer. Plain React, no router. */
import type { ReactNode } from 'react';
import { PUBLIC_PATHS } from './paths';
import { PhoneIcon } from './icons';
import { useI18n } from './i18n';

export default function PublicApp({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const path = window.location.pathname.replace(/\/+$/, '');
  const tracking = path === PUBLIC_PATHS.track;

  return (
    <div className="p-app">
      <a className="p-skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="p-header" data-testid="public-header">
        <div className="p-container p-header__inner">
          <a className="p-brand" href="/" aria-label={t('app.home')}>
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <span className="p-brand__text">
              <span className="p-brand__name">{t('app.name')}</span>
              <span className="p-brand__subtitle">{t('app.subtitle')}</span>
            </span>
          </a>
          <button
            type="button"
            className="p-lang"
            lang={lang === 'vi' ? 'en' : 'vi'}
            aria-label={t('language.switchToLabel')}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
            data-testid="public-language"
          >
            {lang === 'vi' ? 'EN' : 'VI'}
          </button>
        </div>
        <nav className="p-tabs" aria-label={t('nav.label')}>
          <div className="p-container p-tabs__inner">
            <a href={PUBLIC_PATHS.submit} className="p-tab" aria-current={!tracking ? 'page' : undefined}>
              {t('nav.submit')}
            </a>
            <a href={PUBLIC_PATHS.track} className="p-tab" aria-current={tracking ? 'page' : undefined}>
              {t('nav.track')}
            </a>
          </div>
        </nav>
      </header>
      <div className="p-emergency" role="note">
        <div className="p-container p-emergency__inner">
          <PhoneIcon /> {t('app.emergency', { number: '113' })}
        </div>
      </div>
      <main id="main" className="p-container p-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="p-footer">
        <div className="p-container">{t('app.footer')}</div>
      </footer>
    </div>
  );
}
