import vi from './i18n/news.vi.json';
import unitSearchVi from './i18n/unitSearch.vi.json';
import { mount, type PageDef } from './main';
import './news/news.css';
import NewsPage from './news/NewsPage';

// the unit search's texts come with the page
export const page: PageDef = {
  element: <NewsPage />,
  vi: { ...vi, ...unitSearchVi },
  loadEn: () =>
    Promise.all([import('./i18n/news.en.json'), import('./i18n/unitSearch.en.json')]).then(([p, u]) => ({ ...p.default, ...u.default })),
  hydrate: 'never',
};
// the prerender (scripts/prerender.mjs) imports the page without mounting it
if (!import.meta.env.SSR) mount(page);
