/**
 * A period picker (PeriodRangePicker) whose code loads after the page it is on has been shown: Ant
 * Design's date pickers are ~32 KB gzip, a tenth of the reports dashboard's first load (issue 17).
 * Until then a box that looks like the picker shows the period; reaching for it loads the picker
 * at once and opens it, as DeferredUnitField does for the unit's tree.
 */
import { CalendarOutlined, SwapRightOutlined } from '@ant-design/icons';
import { Suspense, lazy } from 'react';
import { formatDate } from '../../lib/format';
import type { PeriodRangeProps } from './PeriodRangePicker';
import { useDeferredControl } from './useDeferredControl';
import './deferredBox.css';

const PeriodRangePicker = lazy(() => import('./PeriodRangePicker'));

export default function DeferredRangePicker(props: PeriodRangeProps) {
  const { wanted, reached, reach, ask } = useDeferredControl();
  const box = (
    <button
      type="button"
      className={['antq-deferred-box', props.className ?? ''].filter(Boolean).join(' ')}
      // the label and the days: the label alone would hide the days the box shows
      aria-label={`${props['aria-label'] ?? ''} ${formatDate(props.from)} – ${formatDate(props.to)}`.trim()}
      aria-haspopup="dialog"
      onClick={reach}
      onFocus={reach}
      onPointerEnter={ask}
      data-testid={props['data-testid']}
    >
      <span className="antq-deferred-box__value">{formatDate(props.from)}</span>
      <SwapRightOutlined className="antq-deferred-box__arrow" aria-hidden />
      <span className="antq-deferred-box__value">{formatDate(props.to)}</span>
      <CalendarOutlined className="antq-deferred-box__arrow" aria-hidden />
    </button>
  );
  if (!wanted) return box;
  return (
    <Suspense fallback={box}>
      <PeriodRangePicker {...props} autoOpen={reached} />
    </Suspense>
  );
}
