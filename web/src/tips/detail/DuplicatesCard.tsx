import { Alert, Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TipDetail as Tip } from '../api';
import { TipStatusTag } from '../TipBits';
import { formatDate } from '../../lib/format';
import { formatTrackingCode } from '../../lib/tips';
import { isForwardMove, isTipStatus } from '../workflow';
import { usePatch } from './usePatch';
import { useFeedback } from '../../components/feedback';
import Card from '../../components/Card';

const { Title, Text } = Typography;

export default function Duplicates({ tip, canWrite }: { tip: Tip; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const patch = usePatch(tip);
  const canMark = canWrite && isForwardMove(tip.status, 'duplicate');
  const percent = (score: number) => Math.round(score <= 1 ? score * 100 : score);

  return (
    <Card title={t('tips.duplicates.title')} size="small" data-testid="tip-duplicates">
      {tip.duplicate_of && (
        <Alert
          type="info"
          showIcon
          className="antq-block-sm"
          message={
            <Link to={`/tin-bao/${encodeURIComponent(String(tip.duplicate_of.id))}`}>
              {t('tips.duplicates.duplicateOf', { code: formatTrackingCode(tip.duplicate_of.tracking_code) })}
            </Link>
          }
        />
      )}
      {tip.suggestions.length === 0 ? (
        <Text type="secondary">{t('tips.duplicates.none')}</Text>
      ) : (
        <List
          size="small"
          dataSource={tip.suggestions}
          renderItem={(s) => (
            <List.Item
              actions={
                canMark
                  ? [
                      <Popconfirm
                        key="mark"
                        title={t('tips.duplicates.confirm', { code: formatTrackingCode(s.tracking_code) })}
                        okText={t('tips.duplicates.mark')}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          patch.mutate(
                            { status: 'duplicate', duplicate_of: Number(s.id) },
                            {
                              onSuccess: () =>
                                void message.success(t('tips.duplicates.marked', { code: formatTrackingCode(s.tracking_code) })),
                            },
                          )
                        }
                      >
                        <Button size="small">{t('tips.duplicates.mark')}</Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={`/tin-bao/${encodeURIComponent(String(s.id))}`} className="antq-tip-code">
                      {formatTrackingCode(s.tracking_code)}
                    </Link>
                    <Tag color="orange">{t('tips.duplicates.score', { n: percent(s.score) })}</Tag>
                    {s.status && isTipStatus(s.status) && <TipStatusTag status={s.status} />}
                  </Space>
                }
                description={
                  <>
                    <Text type="secondary">{formatDate(s.received_at)}</Text> · {s.excerpt}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {tip.merged.length > 0 && (
        <>
          <Title level={5} className="antq-block">
            {t('tips.duplicates.merged')}
          </Title>
          <ul className="antq-plain-list">
            {tip.merged.map((m) => (
              <li key={String(m.id)}>
                <Link to={`/tin-bao/${encodeURIComponent(String(m.id))}`} className="antq-tip-code">
                  {formatTrackingCode(m.tracking_code)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
