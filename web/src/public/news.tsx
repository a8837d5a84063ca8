import vi from './i18n/news.vi.json';
import { mount } from './main';
import './news/news.css';
import NewsPage from './news/NewsPage';

mount(<NewsPage />, vi, () => import('./i18n/news.en.json').then((m) => m.default));
