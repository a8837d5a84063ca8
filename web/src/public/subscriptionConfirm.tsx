import vi from './i18n/news.vi.json';
import { mount, type PageDef } from './main';
import SubscriptionConfirm from './news/SubscriptionConfirm';

export const page: PageDef = {
  element: <SubscriptionConfirm />,
  vi,
  loadEn: () => import('./i18n/news.en.json').then((m) => m.default),
  hydrate: 'same-address',
};
// the prerender (scripts/prerender.mjs) imports the page without mounting it
if (!import.meta.env.SSR) mount(page);
