/**
 * A day written as Vietnamese write it (dd/mm/yyyy; also 7-12-2026, 7.12.2026: a phone's number
 * pad may have no slash), with a button that opens the phone's own calendar. The browser's date
 * input alone would show the day in the phone's language (12/07/2026 on a phone set to English)
 * and ANTQ writes days as dd/mm/yyyy everywhere; its calendar is kept, behind the button.
 * The value is the text as typed; `parseVnDate` reads it. Styles in nativeField.css.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { useRef, type InputHTMLAttributes } from 'react';
import { formatDate } from '../../lib/format';
import { parseVnDate } from '../../lib/tips';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'max' | 'type'> & {
  id: string;
  value: string;
  onChange: (text: string) => void;
  /** The last day the calendar offers (YYYY-MM-DD). */
  max?: string;
  /** What the calendar button says to a screen reader ("Chọn ngày trên lịch"). */
  calendarLabel: string;
};

export default function DayTextInput({ id, value, onChange, max, calendarLabel, className, ...rest }: Props) {
  const picker = useRef<HTMLInputElement>(null);
  const text = useRef<HTMLInputElement>(null);
  const openCalendar = () => {
    const el = picker.current;
    // showPicker: Chrome 99, Safari 16, Firefox 101. An older browser, or one that refuses (some
    // embedded web views do), gets the text box to type the day in.
    try {
      if (el && typeof el.showPicker === 'function') {
        el.showPicker();
        return;
      }
    } catch (e) {
      if (!(e instanceof DOMException)) throw e;
    }
    text.current?.focus();
  };
  return (
    <span className="antq-nf__day">
      <input
        {...rest}
        ref={text}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        placeholder="dd/mm/yyyy"
        className={`antq-nf__control${className ? ` ${className}` : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        // "7-12-2026" reads back as "07/12/2026" once the officer moves on
        onBlur={() => {
          const day = parseVnDate(value);
          if (day && formatDate(day) !== value) onChange(formatDate(day));
        }}
      />
      <button type="button" className="antq-nf__day-button" aria-label={calendarLabel} title={calendarLabel} onClick={openCalendar}>
        <CalendarOutlined aria-hidden />
      </button>
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden
        className="antq-nf__day-picker"
        value={parseVnDate(value) ?? ''}
        max={max}
        onChange={(e) => e.target.value && onChange(formatDate(e.target.value))}
      />
    </span>
  );
}
