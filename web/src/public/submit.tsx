import vi from './i18n/submit.vi.json';
import { mount } from './main';
import SubmitTip from './tipForm/SubmitTip';

mount(<SubmitTip />, vi, () => import('./i18n/submit.en.json').then((m) => m.default));
