import vi from './i18n/home.vi.json';
import { mount, type PageDef } from './main';
import PublicHome from './PublicHome';

export const page: PageDef = {
  element: <PublicHome />,
  vi,
  loadEn: () => import('./i18n/home.en.json').then((m) => m.default),
  hydrate: 'same-address',
};
// the prerender (scripts/prerender.mjs) imports the page without mounting it
if (!import.meta.env.SSR) mount(page);
