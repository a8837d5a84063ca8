/**
 * A period (from, to) on Ant Design's range picker, days as dd/mm/yyyy. Loaded by
 * DeferredRangePicker once the page has been shown or the user reaches for it.
 */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { rangeSeparator } from './rangeSeparator';

export interface PeriodRangeProps {
  /** YYYY-MM-DD. */
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
  'aria-label'?: string;
  className?: string;
  'data-testid'?: string;
  /** Open, with the focus in its first day, as it appears (the user reached for its box). */
  autoOpen?: boolean;
}

export default function PeriodRangePicker({ from, to, onChange, autoOpen, ...rest }: PeriodRangeProps) {
  const [open, setOpen] = useState(autoOpen ?? false);
  return (
    <DatePicker.RangePicker
      {...rest}
      format="DD/MM/YYYY"
      allowClear={false}
      separator={rangeSeparator}
      autoFocus={autoOpen}
      open={open}
      onOpenChange={setOpen}
      value={[dayjs(from), dayjs(to)]}
      onChange={(v) => {
        const [a, b] = (v ?? []) as [Dayjs | null, Dayjs | null];
        if (a && b) onChange(a.format('YYYY-MM-DD'), b.format('YYYY-MM-DD'));
      }}
    />
  );
}
