import vi from './i18n/track.vi.json';
import { mount, type PageDef } from './main';
import TrackTip from './tipTracking/TrackTip';

export const page: PageDef = {
  element: <TrackTip />,
  vi,
  loadEn: () => import('./i18n/track.en.json').then((m) => m.default),
  hydrate: 'same-address',
};
// the prerender (scripts/prerender.mjs) imports the page without mounting it
if (!import.meta.env.SSR) mount(page);
