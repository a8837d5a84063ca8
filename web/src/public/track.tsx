import { mount } from './main';
import TrackTip from './TrackTip';

mount(<TrackTip />);
