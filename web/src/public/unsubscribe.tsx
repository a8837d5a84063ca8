import vi from './i18n/unsubscribe.vi.json';
import { mount, type PageDef } from './main';
import Unsubscribe from './UnsubscribePage';

export const page: PageDef = {
  element: <Unsubscribe />,
  vi,
  loadEn: () => import('./i18n/unsubscribe.en.json').then((m) => m.default),
  hydrate: 'same-address',
};
// the prerender (scripts/prerender.mjs) imports the page without mounting it
if (!import.meta.env.SSR) mount(page);
