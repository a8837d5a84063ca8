import vi from './i18n/news.vi.json';
import { mount } from './main';
import SubscriptionConfirm from './news/SubscriptionConfirm';

mount(<SubscriptionConfirm />, vi, () => import('./i18n/news.en.json').then((m) => m.default));
