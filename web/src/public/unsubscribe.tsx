import vi from './i18n/unsubscribe.vi.json';
import { mount } from './main';
import Unsubscribe from './UnsubscribePage';

mount(<Unsubscribe />, vi, () => import('./i18n/unsubscribe.en.json').then((m) => m.default));
