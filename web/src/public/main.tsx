// The public app: React and the citizen pages, nothing else (see ../main.tsx). Each page has an
// entry of its own (submit.tsx, track.tsx), so a page loads only its own code and texts.
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, type Texts } from './i18n';
import common from './i18n/common.vi.json';
import PublicApp from './PublicApp';
// The public styles, one stylesheet for every public page (one request; each page's own file lives
// next to it). In this order: a later file wins over an earlier one where both style an element.
import './public.css';
import './controls.css';
import './screens.css';
import './Sent.css';
import './tipTracking/tipTracking.css';
import './PublicHome.css';
import './SubmitOpinion.css';
import './tipForm/tipForm.css';

// The public app has no router: a step back or forward in the history that lands on another
// address (e.g. back into the staff app, whose "Trang chủ" came here) loads that address.
const loadedPath = window.location.pathname;
window.addEventListener('popstate', () => {
  if (window.location.pathname !== loadedPath) window.location.reload();
});

export function mount(page: ReactNode, vi: Texts, loadEn: () => Promise<Texts>): void {
  const all: Texts = { ...common, ...vi };
  const allEn = () => Promise.all([import('./i18n/common.en.json'), loadEn()]).then(([c, p]) => ({ ...c.default, ...p }));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider vi={all} loadEn={allEn}>
        <PublicApp>{page}</PublicApp>
      </I18nProvider>
    </StrictMode>,
  );
}
