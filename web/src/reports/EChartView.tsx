import { useEffect, useRef } from 'react';
import { echarts, type EChartsOption } from './echarts';

type Handler = (params: { name?: string; data?: unknown; dataIndex?: number }) => void;

export interface EChartProps {
  option: EChartsOption;
  height: number;
  /** e.g. { click: (p) => … } */
  onEvents?: Record<string, Handler>;
  testId?: string;
  ariaLabel?: string;
}

/** One ECharts instance (SVG renderer) that follows its container's width (loaded by EChart.tsx on first use). */
export default function EChart({ option, height, onEvents, testId, ariaLabel }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onEvents) return;
    const entries = Object.entries(onEvents);
    for (const [name, fn] of entries) c.on(name, fn as never);
    return () => {
      for (const [name, fn] of entries) c.off(name, fn as never);
    };
  }, [onEvents]);

  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} role="img" aria-label={ariaLabel} />;
}
