/** The chosen figure month by month (or year by year), with the year before when compared. */
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { formatDate, formatNumber } from '../../lib/format';
import { getTimeseries, reportKeys, type ReportQuery } from '../api';
import EChart from '../EChart';
import type { EChartsOption } from '../echarts';
import { compactNumber } from '../metrics';
import { previousYear, trendInterval } from '../period';
import Card from '../../components/Card';

const { Text } = Typography;

const axisLabel = (p: { from: string; to: string }, interval: string) => {
  // a reporting month 15/12–14/01 is named by the month it ends in
  const [y, m] = p.to.split('-');
  return interval === 'year' ? y! : `${m}/${y}`;
};

export function TrendCard({
  q,
  metric,
  metricLabel,
  compare,
  narrow,
  language,
}: {
  q: ReportQuery;
  metric: string;
  metricLabel: string;
  compare: boolean;
  narrow: boolean;
  language: string | undefined;
}) {
  const { t } = useTranslation();
  const interval = trendInterval(q);
  const prevQ = useMemo(() => ({ ...q, ...previousYear(q) }), [q]);
  const [series, previous] = useQueries({
    queries: [
      {
        queryKey: reportKeys.series(q, metric, interval),
        queryFn: ({ signal }: { signal: AbortSignal }) => getTimeseries(q, metric, interval, signal),
        placeholderData: keepPreviousData,
      },
      {
        queryKey: reportKeys.series(prevQ, metric, interval),
        queryFn: ({ signal }: { signal: AbortSignal }) => getTimeseries(prevQ, metric, interval, signal),
        enabled: compare,
        placeholderData: keepPreviousData,
      },
    ],
  });
  const option = useMemo<EChartsOption | null>(() => {
    const points = series.data?.points;
    if (!points) return null;
    const prev = compare ? previous.data?.points : undefined;
    return {
      grid: { left: 8, right: 16, top: prev ? 36 : 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number; seriesName: string; value: number; marker: string }[]) => {
          const i = ps[0]?.dataIndex ?? 0;
          const p = points[i];
          const head = p ? `${formatDate(p.from)} – ${formatDate(p.to)}` : '';
          return [head, ...ps.map((x) => `${x.marker}${x.seriesName}: <b>${formatNumber(x.value)}</b>`)].join('<br/>');
        },
      },
      legend: prev ? { top: 0, itemWidth: 14, textStyle: { fontSize: 12 } } : undefined,
      xAxis: {
        type: 'category',
        data: points.map((p) => axisLabel(p, interval)),
        axisLabel: { fontSize: 11, hideOverlap: true },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11, formatter: (v: number) => compactNumber(v, language) } },
      series: [
        {
          name: metricLabel,
          type: 'bar',
          data: points.map((p) => p.value),
          itemStyle: { color: '#c41d24', borderRadius: [3, 3, 0, 0] },
          barMaxWidth: 28,
        },
        ...(prev
          ? [
              {
                name: t('reports.trend.previous'),
                type: 'line',
                data: points.map((_, i) => prev[i]?.value ?? null),
                itemStyle: { color: '#8c8c8c' },
                lineStyle: { type: 'dashed' },
                symbolSize: 5,
              },
            ]
          : []),
      ],
    } as EChartsOption;
  }, [series.data, previous.data, compare, interval, metricLabel, language, t]);

  return (
    <Card
      size="small"
      className="antq-reports__card"
      title={
        <span>
          {t('reports.trend.title')} <Text type="secondary">{t(`reports.trend.${interval}`)}</Text>
        </span>
      }
      extra={narrow ? undefined : <Text type="secondary">{metricLabel}</Text>}
    >
      {series.isError ? (
        <ApiErrorAlert error={series.error} />
      ) : option ? (
        <EChart
          option={option}
          height={narrow ? 280 : 460}
          testId="reports-trend"
          ariaLabel={`${t('reports.trend.title')}: ${metricLabel}`}
        />
      ) : (
        <div className="antq-reports__placeholder" style={{ height: narrow ? 280 : 460 }}>
          <Spin />
        </div>
      )}
    </Card>
  );
}
