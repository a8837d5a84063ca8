import { mount } from './main';
import SubmitTip from './SubmitTip';

mount(<SubmitTip />);
