import { SwapRightOutlined } from '@ant-design/icons';

/**
 * The arrow between the two dates of a DatePicker.RangePicker. Ant Design's own puts aria-label="to"
 * on a plain span, which names nothing (an ARIA error); the arrow only decorates, since each of the
 * two fields has its own placeholder ("Từ ngày", "Đến ngày"), so it is hidden from screen readers.
 */
export const rangeSeparator = (
  <span className="ant-picker-separator" aria-hidden="true">
    <SwapRightOutlined />
  </span>
);
