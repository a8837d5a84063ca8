import vi from './i18n/opinion.vi.json';
import unitSearchVi from './i18n/unitSearch.vi.json';
import { mount, type PageDef } from './main';
import SubmitOpinion from './SubmitOpinion';

// the unit search's texts come with the page
export const page: PageDef = {
  element: <SubmitOpinion />,
  vi: { ...vi, ...unitSearchVi },
  loadEn: () =>
    Promise.all([import('./i18n/opinion.en.json'), import('./i18n/unitSearch.en.json')]).then(([p, u]) => ({ ...p.default, ...u.default })),
  hydrate: 'same-address',
};
// the prerender (scripts/prerender.mjs) imports the page without mounting it
if (!import.meta.env.SSR) mount(page);
