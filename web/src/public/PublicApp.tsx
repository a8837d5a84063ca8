/** The public pages' frame: a light header, the page, the footer. Plain React, no router. */
import type { ReactNode } from 'react';
import { PUBLIC_PATHS, publicPage } from './paths';
import { PhoneIcon } from './icons';
import { useI18n } from './i18n';

/** The citizen's ways in, in the menu of every public page: the three things they send, and the
 * news of their area (a post's own page counts as the news). */
const TABS = [
  { page: 'submit', key: 'nav.submit' },
  { page: 'track', key: 'nav.track' },
  { page: 'opinion', key: 'nav.opinion' },
  { page: 'news', key: 'nav.news' },
] as const;

/** The staff login (an officer then lands where the role starts the day; else the workspace). */
export const STAFF_LOGIN = '/login';

export default function PublicApp({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const current = publicPage(window.location.pathname) ?? 'home';
  const tabOf = current === 'newsPost' ? 'news' : current;

  return (
    <div className={`p-app p-app--${current}`}>
      <a className="p-skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="p-header" data-testid="public-header">
        <div className="p-container p-header__inner">
          <a className="p-brand" href={PUBLIC_PATHS.home} aria-label={t('app.home')}>
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
        <nav className="p-tabs" aria-label={t('nav.label')} data-testid="public-nav">
          <div className="p-container p-tabs__inner">
            {TABS.map((tab) => (
              <a
                key={tab.page}
                href={PUBLIC_PATHS[tab.page]}
                className="p-tab"
                aria-current={tabOf === tab.page ? 'page' : undefined}
              >
                {t(tab.key)}
              </a>
            ))}
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
        <div className="p-container p-footer__inner">
          <span>{t('app.footer')}</span>
          <a href={STAFF_LOGIN} className="p-footer__staff" data-testid="footer-staff-login">
            {t('nav.staff')}
          </a>
        </div>
      </footer>
    </div>
  );
}
