/**
 * Steps 4 and 5 of one batch (`?import=12`): its progress, asked again every second while it is
 * queued or running (a reload picks it up again), then its result. When it ends, the lists it
 * changed (the register's, the tips) and the past imports are asked again.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Progress, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { formatNumber } from '../lib/format';
import { getBatch, importKeys, importedDataKey } from './api';
import BatchResult from './BatchResult';
import { POLL_MS, STATUS_COLORS, importRegister, isActive, progressPercent, statusKey } from './logic';
import type { ImportTarget } from './targets';
import Card from '../components/Card';

const { Paragraph } = Typography;

interface Props {
  target: ImportTarget;
  id: string;
  onAnother: () => void;
}

export default function BatchView({ target, id, onAnother }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const batch = useQuery({
    queryKey: importKeys.batch(id),
    queryFn: ({ signal }) => getBatch(id, signal),
    refetchInterval: (q) => (isActive(q.state.data?.status) ? POLL_MS : false),
  });
  const b = batch.data;
  const active = isActive(b?.status);

  // finished (or undone): the register's figures and the list of imports changed
  const status = b?.status;
  useEffect(() => {
    if (!status || isActive(status)) return;
    void client.invalidateQueries({ queryKey: importedDataKey(target) });
    void client.invalidateQueries({ queryKey: importKeys.list(importRegister(target)) });
  }, [client, status, target]);

  const another = (
    <Button icon={<ReloadOutlined />} onClick={onAnother} data-testid="import-another">
      {t('imports.run.another')}
    </Button>
  );

  return (
    <>
      <Card
        size="small"
        title={t('imports.run.title')}
        extra={b && !active ? another : undefined}
        className="antq-import-card"
        data-testid="import-progress"
      >
        {batch.isPending && <Spin />}
        {batch.isError && <ApiErrorAlert error={batch.error} onRetry={() => void batch.refetch()} />}
        {b && (
          <>
            <Paragraph>
              <strong>{b.file_name}</strong>{' '}
              <Tag color={STATUS_COLORS[b.status] ?? 'default'} data-testid="import-status">
                {t(statusKey(b.status))}
              </Tag>
            </Paragraph>
            <Progress
              percent={progressPercent(b)}
              status={b.status === 'failed' ? 'exception' : active ? 'active' : 'success'}
              aria-label={t('imports.run.title')}
              data-testid="import-progress-bar"
            />
            <Paragraph type="secondary" data-testid="import-processed">
              {t('imports.run.progress', { processed: formatNumber(b.processed), rows: formatNumber(b.rows) })}
            </Paragraph>
            {b.status === 'queued' && <Paragraph type="secondary">{t('imports.run.queued')}</Paragraph>}
          </>
        )}
      </Card>
      {b && !active && <BatchResult target={target} batch={b} />}
    </>
  );
}
