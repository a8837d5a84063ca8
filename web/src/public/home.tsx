import vi from './i18n/home.vi.json';
import { mount } from './main';
import PublicHome from './PublicHome';

mount(<PublicHome />, vi, () => import('./i18n/home.en.json').then((m) => m.default));
