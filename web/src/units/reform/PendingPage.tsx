import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../lib/format';
import { unitKindColor, unitKindKey } from '../../lib/units';
import { listPending, reformKeys, type QueueItem } from './api';
import AssignCell from './AssignCell';

const { Title, Paragraph, Text } = Typography;
const PER_PAGE = 50;

/** "Chờ phân về xã mới": the units of split communes waiting in the caller's area for a new commune. */
export default function PendingPage() {
  const { t } = useTranslation();
  usePageTitle('units.reform.pageTitle');
  const [page, setPage] = useState(1);
  const pending = useQuery({
    queryKey: reformKeys.pending(page),
    queryFn: ({ signal }) => listPending(page, PER_PAGE, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });

  const columns: ColumnsType<QueueItem> = [
    {
      key: 'unit',
      title: t('units.reform.unit'),
      render: (_, it) => (
        <>
          <div>{it.unit.full_name}</div>
          <Tag color={unitKindColor(it.unit.kind)}>{t(unitKindKey(it.unit.kind))}</Tag>
          {it.unit.dataset !== 'local' && <Text type="secondary">{t('units.reform.oldUnit')}</Text>}
        </>
      ),
    },
    {
      key: 'from',
      title: t('units.reform.from'),
      responsive: ['md'],
      render: (_, it) => (it.from.code === it.unit.code && it.from.dataset === it.unit.dataset ? '—' : it.from.full_name),
    },
    { key: 'province', title: t('units.reform.province'), responsive: ['lg'], render: (_, it) => it.province.full_name },
    {
      key: 'records',
      title: t('units.reform.records'),
      align: 'right',
      render: (_, it) => <span data-testid={`reform-records-${it.id}`}>{formatNumber(it.records)}</span>,
    },
    { key: 'assign', title: t('units.reform.candidates'), render: (_, it) => <AssignCell item={it} /> },
  ];

  return (
    <div className="antq-reform">
      <Title level={1} className="antq-page-title">
        {t('units.reform.pageTitle')}
      </Title>
      <Paragraph type="secondary">{t('units.reform.intro')}</Paragraph>
      {pending.isError && <ApiErrorAlert error={pending.error} onRetry={() => void pending.refetch()} />}
      {pending.data && pending.data.total === 0 && <Alert type="success" showIcon message={t('units.reform.empty')} />}
      {pending.data && pending.data.total > 0 && (
        <Paragraph data-testid="reform-total">{t('units.reform.total', { n: formatNumber(pending.data.total) })}</Paragraph>
      )}
      <Table<QueueItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={pending.data?.items ?? []}
        loading={pending.isFetching}
        locale={{ emptyText: t('units.reform.empty') }}
        pagination={{
          current: page,
          pageSize: PER_PAGE,
          total: pending.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: setPage,
        }}
        data-testid="reform-pending"
      />
    </div>
  );
}
