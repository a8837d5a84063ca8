import vi from './i18n/opinion.vi.json';
import unitSearchVi from './i18n/unitSearch.vi.json';
import { mount } from './main';
import SubmitOpinion from './SubmitOpinion';

// the unit search's texts come with the page
mount(<SubmitOpinion />, { ...vi, ...unitSearchVi }, () =>
  Promise.all([import('./i18n/opinion.en.json'), import('./i18n/unitSearch.en.json')]).then(([p, u]) => ({ ...p.default, ...u.default })),
);
