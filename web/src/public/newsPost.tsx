import vi from './i18n/news.vi.json';
import { mount, type PageDef } from './main';
import './news/news.css';
import NewsPost from './news/NewsPost';

export const page: PageDef = {
  element: <NewsPost />,
  vi,
  loadEn: () => import('./i18n/news.en.json').then((m) => m.default),
  hydrate: 'always',
};
// the prerender (scripts/prerender.mjs) imports the page without mounting it
if (!import.meta.env.SSR) mount(page);
