import vi from './i18n/news.vi.json';
import { mount } from './main';
import './news/news.css';
import NewsPost from './news/NewsPost';

mount(<NewsPost />, vi, () => import('./i18n/news.en.json').then((m) => m.default));
