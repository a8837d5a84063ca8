import { DatePicker, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayVN } from '../../registers/payload';
import { useNarrow } from '../useBreakpoint';

/** A day (dd/mm/yyyy), or a day and time (dd/mm/yyyy HH:mm); future days greyed out when not allowed. */
export default function DateInput(props: {
  id?: string;
  value?: Dayjs | null;
  onChange?: (v: Dayjs | null) => void;
  noFuture?: boolean;
  withTime?: boolean;
  disabled?: boolean;
}) {
  const { noFuture, withTime, ...rest } = props;
  const narrow = useNarrow();
  const today = todayVN();
  const { t } = useTranslation();
  if (withTime && narrow) {
    // a phone has no room for the calendar and the clock side by side: the day, then the time
    const { value, onChange, id, disabled } = rest;
    return (
      <Space.Compact block className="antq-datetime">
        <DatePicker
          id={id}
          value={value ?? null}
          disabled={disabled}
          format="DD/MM/YYYY"
          inputReadOnly
          disabledDate={noFuture ? (d) => d.format('YYYY-MM-DD') > today : undefined}
          onChange={(d) =>
            onChange?.(
              d
                ? d
                    .hour(value?.hour() ?? dayjs().hour())
                    .minute(value?.minute() ?? dayjs().minute())
                    .second(0)
                : null,
            )
          }
          placeholder="dd/mm/yyyy"
          aria-label={t('registers.form.day')}
          style={{ width: '60%' }}
          data-testid="datetime-day"
        />
        <TimePicker
          value={value ?? null}
          disabled={disabled || !value}
          format="HH:mm"
          inputReadOnly
          showNow={false}
          needConfirm={false}
          onChange={(tm) => onChange?.(tm && value ? value.hour(tm.hour()).minute(tm.minute()).second(0) : (value ?? null))}
          placeholder="hh:mm"
          aria-label={t('registers.form.time')}
          style={{ width: '40%' }}
          data-testid="datetime-time"
        />
      </Space.Compact>
    );
  }
  return (
    <DatePicker
      {...rest}
      format={withTime ? 'DD/MM/YYYY HH:mm' : 'DD/MM/YYYY'}
      showTime={withTime ? { format: 'HH:mm' } : undefined}
      disabledDate={noFuture ? (d) => d.format('YYYY-MM-DD') > today : undefined}
      // on a phone the calendar is quicker than the keyboard
      inputReadOnly={narrow}
      style={{ width: '100%' }}
      placeholder={withTime ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy'}
    />
  );
}
