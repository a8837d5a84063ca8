import vi from './i18n/news.vi.json';
import unitSearchVi from './i18n/unitSearch.vi.json';
import { mount } from './main';
import './news/news.css';
import NewsPage from './news/NewsPage';

// the unit search's texts come with the page
mount(<NewsPage />, { ...vi, ...unitSearchVi }, () =>
  Promise.all([import('./i18n/news.en.json'), import('./i18n/unitSearch.en.json')]).then(([p, u]) => ({ ...p.default, ...u.default })),
);
