/**
 * A post's delivery figures (queued, sent, failed, bounced, held, skipped; recorded — the broadcasts to
 * groups without a connector, for the officer to post by hand — when it has groups), its views, and the failed rows.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Progress, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { formatDateTime, formatNumber } from '../lib/format';
import { getDeliveries, newsKeys, type Deliveries, type NewsPost } from './api';
import { deliveryProgress } from './logic';
import Card from '../components/Card';

const FIGURES = ['queued', 'sent', 'recorded', 'failed', 'bounced', 'held', 'skipped'] as const;
const { Text } = Typography;

export default function DeliveriesCard({ post }: { post: NewsPost }) {
  const { t } = useTranslation();
  const deliveries = useQuery({
    queryKey: newsKeys.deliveries(post.id),
    queryFn: ({ signal }) => getDeliveries(post.id, signal),
    // while messages are on their way, the figures move: look again every few seconds
    refetchInterval: (q) => ((q.state.data?.figures.queued ?? 0) > 0 ? 5000 : false),
  });
  const f = deliveries.data?.figures;
  const progress = deliveryProgress(f);
  const recorded = f?.recorded ?? 0;
  // "recorded" matters only to a post with groups
  const figures = FIGURES.filter((k) => k !== 'recorded' || recorded > 0 || (post.channels?.length ?? 0) > 0);
  return (
    <Card
      size="small"
      className="antq-block-sm"
      title={t('news.deliveries.title')}
      data-testid="news-deliveries"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void deliveries.refetch()} loading={deliveries.isFetching}>
          {t('news.deliveries.refresh')}
        </Button>
      }
    >
      {deliveries.isError && <ApiErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
      {f && (
        <>
          {progress.total > 0 ? (
            <Progress
              percent={progress.percent}
              aria-label={t('news.deliveries.title')}
              format={() => t('news.deliveries.progress', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
            />
          ) : (
            recorded === 0 && <Text type="secondary">{t('news.deliveries.none')}</Text>
          )}
          <div className="antq-news-figures">
            {figures.map((k) => (
              <Statistic
                key={k}
                title={t(`news.deliveries.${k}`)}
                value={f[k] ?? 0}
                formatter={(v) => <span data-testid={`delivery-${k}`}>{formatNumber(Number(v))}</span>}
                valueStyle={k === 'failed' && f.failed > 0 ? { color: '#cf1322' } : undefined}
              />
            ))}
            <Statistic
              title={t('news.deliveries.views')}
              value={post.figures?.views ?? 0}
              formatter={(v) => <span data-testid="delivery-views">{formatNumber(Number(v))}</span>}
            />
          </div>
          {deliveries.data!.failed?.length > 0 && <FailedRows rows={deliveries.data!.failed} />}
        </>
      )}
    </Card>
  );
}

function FailedRows({ rows }: { rows: Deliveries['failed'] }) {
  const { t } = useTranslation();
  return (
    <>
      <Text strong className="antq-news-failed-title">
        {t('news.deliveries.failedRows')}
      </Text>
      <Table
        size="small"
        data-testid="news-failed"
        rowKey={(r, i) => `${r.channel}-${r.at}-${i}`}
        pagination={rows.length > 10 ? { pageSize: 10 } : false}
        dataSource={rows}
        scroll={{ x: 520 }}
        columns={[
          { title: t('news.deliveries.channel'), dataIndex: 'channel', key: 'channel' },
          { title: t('news.deliveries.at'), key: 'at', render: (_, r) => <span className="antq-nowrap">{formatDateTime(r.at)}</span> },
          { title: t('news.deliveries.attempts'), dataIndex: 'attempts', key: 'attempts', align: 'right' },
          { title: t('news.deliveries.reason'), dataIndex: 'reason', key: 'reason' },
        ]}
      />
    </>
  );
}
