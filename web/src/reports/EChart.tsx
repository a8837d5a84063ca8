import { Spin } from 'antd';
import { Suspense, lazy } from 'react';
import type { EChartsOption } from './echarts';

// ECharts is ~190 kB gzip, more than half of the dashboard's JavaScript: it loads with the first
// chart to draw, so the dashboard's figures and filters show (and work) before it arrives.
const EChartView = lazy(() => import('./EChartView'));

type Handler = (params: { name?: string; data?: unknown; dataIndex?: number }) => void;

interface Props {
  option: EChartsOption;
  height: number;
  /** e.g. { click: (p) => … } */
  onEvents?: Record<string, Handler>;
  testId?: string;
  ariaLabel?: string;
}

/** One chart; a spinner of its height while the chart library loads. */
export default function EChart(props: Props) {
  return (
    <Suspense
      fallback={
        <div className="antq-reports__placeholder" style={{ height: props.height }} aria-busy="true">
          <Spin />
        </div>
      }
    >
      <EChartView {...props} />
    </Suspense>
  );
}
