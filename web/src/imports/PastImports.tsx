/** The target's past imports in the caller's area (newest first); a click shows one's result. */
import { useQuery } from '@tanstack/react-query';
import { Button, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { compactColumn } from '../components/compactColumn';
import StaffTable from '../components/StaffTable';
import { formatDateTime, formatNumber } from '../lib/format';
import { importKeys, listBatches, type Batch } from './api';
import { STATUS_COLORS, importRegister, isActive, statusKey } from './logic';
import type { ImportTarget } from './targets';
import Card from '../components/Card';

const { Text } = Typography;

interface Props {
  target: ImportTarget;
  selected: string | null;
  onOpen: (id: string) => void;
}

export default function PastImports({ target, selected, onOpen }: Props) {
  const { t } = useTranslation();
  const register = importRegister(target);
  const list = useQuery({
    queryKey: importKeys.list(register),
    queryFn: ({ signal }) => listBatches(register, signal),
    // an import still running somewhere: its row follows it
    refetchInterval: (q) => (q.state.data?.items.some((b) => isActive(b.status)) ? 3000 : false),
  });

  const file = (b: Batch) => (
    <Button type="link" className="antq-import-file-link" onClick={() => onOpen(b.id)} data-testid={`past-import-${b.id}`}>
      {b.file_name}
    </Button>
  );
  const status = (b: Batch) => <Tag color={STATUS_COLORS[b.status] ?? 'default'}>{t(statusKey(b.status))}</Tag>;
  const counts = (b: Batch) =>
    t('imports.past.countsText', {
      created: formatNumber(b.created),
      updated: formatNumber(b.updated),
      unchanged: formatNumber(b.unchanged),
      refused: formatNumber(b.refused),
    });
  const columns: ColumnsType<Batch> = [
    { title: t('imports.past.file'), key: 'file', render: (_, b) => file(b) },
    { title: t('imports.past.who'), dataIndex: 'username', key: 'who', width: 150 },
    { title: t('imports.past.when'), key: 'when', width: 150, render: (_, b) => formatDateTime(b.created_at) },
    { title: t('imports.past.status'), key: 'status', width: 120, render: (_, b) => status(b) },
    { title: t('imports.past.counts'), key: 'counts', render: (_, b) => counts(b) },
  ];
  const compact = compactColumn<Batch>(
    t('imports.past.title'),
    'batch',
    (b) => (
      <>
        {file(b)} {status(b)}
      </>
    ),
    (b) => (
      <>
        <Text type="secondary">
          {b.username} · {formatDateTime(b.created_at)}
        </Text>
        <div>{counts(b)}</div>
      </>
    ),
  );

  return (
    <Card size="small" title={t('imports.past.title')} className="antq-import-card" data-testid="past-imports">
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <StaffTable<Batch>
        size="small"
        rowKey="id"
        columns={columns}
        compactColumns={compact}
        scrollX={800}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        rowClassName={(b) => (b.id === selected ? 'antq-import-selected' : '')}
        locale={{ emptyText: t('imports.past.none') }}
      />
    </Card>
  );
}
