/** The activities split by organising force or by topic. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { formatNumber } from '../../lib/format';
import { getBreakdown, reportKeys, type ReportQuery } from '../api';
import EChart, { ChartPlaceholder } from '../EChart';
import type { EChartsOption } from '../echarts';
import { compactNumber } from '../metrics';
import Card from '../../components/Card';
import ToggleButtons from '../../components/form/ToggleButtons';

export function BreakdownCard({
  q,
  by,
  title,
  field,
  onField,
  narrow,
  language,
}: {
  q: ReportQuery;
  by: 'organizer' | 'topic';
  title: string;
  field: 'count' | 'participants';
  onField: (f: 'count' | 'participants') => void;
  narrow: boolean;
  language: string | undefined;
}) {
  const { t } = useTranslation();
  const metric = `activities.${field}`;
  const data = useQuery({
    queryKey: reportKeys.breakdown(q, metric, by),
    queryFn: ({ signal }) => getBreakdown(q, metric, by, signal),
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => data.data?.items ?? [], [data.data]);
  const option = useMemo<EChartsOption>(() => {
    // largest at the top: a horizontal bar chart draws its categories from the bottom
    const sorted = [...items].sort((a, b) => a.value - b.value);
    return {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}: <b>${formatNumber(p.value)}</b>` },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11, formatter: (v: number) => compactNumber(v, language) } },
      yAxis: {
        type: 'category',
        data: sorted.map((i) => i.label),
        axisLabel: { fontSize: 11, width: narrow ? 110 : 170, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: sorted.map((i) => i.value),
          itemStyle: { color: by === 'organizer' ? '#1d4ed8' : '#d4380d', borderRadius: [0, 3, 3, 0] },
          barMaxWidth: 18,
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (p: { value: number }) => (p.value ? formatNumber(p.value) : ''),
          },
        },
      ],
    } as EChartsOption;
  }, [items, by, narrow, language]);
  return (
    <Card
      size="small"
      className="antq-reports__card"
      title={title}
      extra={
        <ToggleButtons<'count' | 'participants'>
          size="small"
          aria-label={t('reports.breakdownMeasure')}
          value={field}
          onChange={onField}
          options={[
            { value: 'count', label: t('reports.breakdownCount') },
            { value: 'participants', label: t('reports.breakdownParticipants') },
          ]}
        />
      }
    >
      {data.isError ? (
        <ApiErrorAlert error={data.error} />
      ) : data.data ? (
        <EChart option={option} height={Math.max(220, items.length * 26 + 24)} testId={`reports-by-${by}`} ariaLabel={title} />
      ) : (
        // the chart (and ECharts) once there is something to draw
        <ChartPlaceholder height={220} />
      )}
    </Card>
  );
}
