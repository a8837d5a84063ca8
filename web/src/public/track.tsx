import vi from './i18n/track.vi.json';
import { mount } from './main';
import TrackTip from './tipTracking/TrackTip';

mount(<TrackTip />, vi, () => import('./i18n/track.en.json').then((m) => m.default));
