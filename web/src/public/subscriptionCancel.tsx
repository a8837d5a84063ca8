import vi from './i18n/news.vi.json';
import { mount } from './main';
import SubscriptionCancel from './news/SubscriptionCancel';

mount(<SubscriptionCancel />, vi, () => import('./i18n/news.en.json').then((m) => m.default));
