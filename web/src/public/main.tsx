// The public app: React and the citizen pages, nothing else (see ../main.tsx). Each page has an
// entry of its own (submit.tsx, track.tsx), so a page loads only its own code and texts.
//
// Most pages come prerendered (scripts/prerender.mjs writes dist/pages/<path>.html with the page's
// first frame in Vietnamese), so their text paints before any script has arrived on a slow phone;
// the script then takes that markup over (hydrates) or, where the first frame depends on what only
// the browser knows (the address's `?unit=`, the device's remembered unit), renders anew over it.
import { StrictMode, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
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

/** One public page: its element, its Vietnamese texts, how English comes, and whether its
 * prerendered first frame may be taken over as it is. */
export interface PageDef {
  element: ReactNode;
  vi: Texts;
  loadEn: () => Promise<Texts>;
  /**
   * `same-address`: only when the address is the one it was rendered for (no query, no fragment);
   * `always`: the first frame is the same for every address of the page (a post's "loading");
   * `never`: the first frame depends on the device (a remembered unit): the frame is a placeholder.
   */
  hydrate: 'same-address' | 'always' | 'never';
}

/** The page as React renders it, in the browser and in the prerender alike. */
export function pageTree(def: PageDef): ReactNode {
  const all: Texts = { ...common, ...def.vi };
  const allEn = () => Promise.all([import('./i18n/common.en.json'), def.loadEn()]).then(([c, p]) => ({ ...c.default, ...p }));
  return (
    <StrictMode>
      <I18nProvider vi={all} loadEn={allEn}>
        <PublicApp>{def.element}</PublicApp>
      </I18nProvider>
    </StrictMode>
  );
}

/** The address a prerendered frame stands for, as the prerender names it ("/gui-tin-bao"). */
export function addressOf(location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  return (location.pathname.replace(/\/+$/, '') || '/') + location.search + location.hash;
}

/** Whether the markup in `root` is this page's own first frame, to be taken over as it is. */
export function canHydrate(root: HTMLElement, def: PageDef, location: Pick<Location, 'pathname' | 'search' | 'hash'>): boolean {
  const renderedFor = root.dataset.prerendered;
  if (renderedFor === undefined || !root.firstElementChild || def.hydrate === 'never') return false;
  return def.hydrate === 'always' || renderedFor === addressOf(location);
}

export function mount(def: PageDef): void {
  // The public app has no router: a step back or forward in the history that lands on another
  // address (e.g. back into the staff app, whose "Trang chủ" came here) loads that address.
  const loadedPath = window.location.pathname;
  window.addEventListener('popstate', () => {
    if (window.location.pathname !== loadedPath) window.location.reload();
  });
  const root = document.getElementById('root')!;
  const tree = pageTree(def);
  // createRoot replaces a frame it does not take over (the placeholder of a page rendered anew)
  if (canHydrate(root, def, window.location)) hydrateRoot(root, tree);
  else createRoot(root).render(tree);
}
