import { Spin } from 'antd';
import { Suspense, lazy } from 'react';
import type { EChartProps } from './EChartView';

// ECharts is ~190 kB gzip, more than half of the dashboard's JavaScript: it loads with the first
// chart to draw, so the dashboard's figures and filters show (and work) before it arrives.
const EChartView = lazy(() => import('./EChartView'));

/** A chart's place while its data or the chart library loads: a spinner of the chart's height. */
export function ChartPlaceholder({ height }: { height: number }) {
  return (
    <div className="antq-reports__placeholder" style={{ height }} aria-busy="true">
      <Spin />
    </div>
  );
}

/** One chart; a spinner of its height while the chart library loads. */
export default function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<ChartPlaceholder height={props.height} />}>
      <EChartView {...props} />
    </Suspense>
  );
}
