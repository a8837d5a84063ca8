import vi from './i18n/submit.vi.json';
import { mount, type PageDef } from './main';
import SubmitTip from './tipForm/SubmitTip';

export const page: PageDef = {
  element: <SubmitTip />,
  vi,
  loadEn: () => import('./i18n/submit.en.json').then((m) => m.default),
  hydrate: 'same-address',
};
// the prerender (scripts/prerender.mjs) imports the page without mounting it
if (!import.meta.env.SSR) mount(page);
