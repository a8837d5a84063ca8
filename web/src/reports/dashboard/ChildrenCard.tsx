/** The units one level below, with the chosen figure first; a unit with units below opens on a click. */
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { formatNumber } from '../../lib/format';
import { unitKindColor, unitKindKey } from '../../lib/units';
import { getBreakdown, reportKeys, type BreakdownItem, type ReportQuery } from '../api';
import { metricKey } from '../metrics';
import Card from '../../components/Card';

/** Columns of the table of child units besides the chosen metric. */
const CHILD_METRICS = ['activities.count', 'activities.participants', 'tips.received', 'mediations.total', 'reintegration.sessions'];

interface ChildRow {
  key: string;
  label: string;
  unit?: BreakdownItem['unit'];
  values: Record<string, number>;
}

export function ChildrenCard({
  q,
  metric,
  onDrill,
  narrow,
}: {
  q: ReportQuery;
  metric: string;
  onDrill: (code: string) => void;
  narrow: boolean;
}) {
  const { t } = useTranslation();
  const metrics = useMemo(() => [metric, ...CHILD_METRICS.filter((m) => m !== metric)], [metric]);
  const shown = narrow ? metrics.slice(0, 2) : metrics;
  const results = useQueries({
    queries: shown.map((m) => ({
      queryKey: reportKeys.breakdown(q, m, 'child'),
      queryFn: ({ signal }: { signal: AbortSignal }) => getBreakdown(q, m, 'child', signal),
      placeholderData: keepPreviousData,
    })),
  });
  const first = results[0];
  const rows = useMemo<ChildRow[]>(() => {
    const byKey = new Map<string, ChildRow>();
    results.forEach((r, i) => {
      for (const item of r.data?.items ?? []) {
        const row = byKey.get(item.key) ?? { key: item.key, label: item.label, unit: item.unit, values: {} };
        row.values[shown[i]!] = item.value;
        byKey.set(item.key, row);
      }
    });
    return [...byKey.values()];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results.map((r) => r.dataUpdatedAt).join(','), shown.join(',')]);
  const total = rows.reduce((s, r) => s + (r.values[metric] ?? 0), 0);

  const columns: ColumnsType<ChildRow> = [
    {
      title: t('reports.children.unit'),
      dataIndex: 'label',
      key: 'label',
      fixed: narrow ? undefined : 'left',
      render: (label: string, row) =>
        row.unit?.has_children ? (
          <a
            href="#"
            data-testid={`child-${row.key}`}
            onClick={(e) => {
              e.preventDefault();
              onDrill(row.key);
            }}
          >
            {label}
          </a>
        ) : (
          <span data-testid={`child-${row.key}`}>{label}</span>
        ),
      sorter: (a, b) => a.label.localeCompare(b.label, 'vi'),
    },
    ...(narrow
      ? []
      : [
          {
            title: t('reports.children.kind'),
            key: 'kind',
            width: 130,
            render: (_: unknown, row: ChildRow) =>
              row.unit ? <Tag color={unitKindColor(row.unit.kind)}>{t(unitKindKey(row.unit.kind))}</Tag> : null,
          },
        ]),
    ...shown.map((m, i) => ({
      title: t(`reports.metricNames.${metricKey(m)}`),
      key: m,
      align: 'right' as const,
      width: i === 0 ? 150 : 130,
      className: i === 0 ? 'antq-reports__col-main' : undefined,
      defaultSortOrder: i === 0 ? ('descend' as const) : undefined,
      sorter: (a: ChildRow, b: ChildRow) => (a.values[m] ?? 0) - (b.values[m] ?? 0),
      render: (_: unknown, row: ChildRow) => formatNumber(row.values[m] ?? 0),
    })),
    ...(narrow
      ? []
      : [
          {
            title: t('reports.children.share'),
            key: 'share',
            width: 90,
            align: 'right' as const,
            render: (_: unknown, row: ChildRow) => (total ? `${formatNumber(((row.values[metric] ?? 0) / total) * 100, 1)}%` : ''),
          },
        ]),
  ];

  return (
    <Card size="small" className="antq-reports__card antq-reports__row" title={t('reports.children.title')} data-testid="children-card">
      {first?.isError ? (
        <ApiErrorAlert error={first.error} />
      ) : (
        <Table<ChildRow>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          loading={first?.isPending}
          pagination={rows.length > 15 ? { pageSize: 15, showSizeChanger: false, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.children.none')} /> }}
          onRow={(row) => ({
            className: row.unit?.has_children ? 'antq-reports__drillable' : undefined,
            onClick: (e) => {
              if (row.unit?.has_children && !(e.target as HTMLElement).closest('a')) onDrill(row.key);
            },
          })}
          data-testid="children-table"
        />
      )}
    </Card>
  );
}
