import vi from './i18n/opinion.vi.json';
import { mount } from './main';
import SubmitOpinion from './SubmitOpinion';

mount(<SubmitOpinion />, vi, () => import('./i18n/opinion.en.json').then((m) => m.default));
