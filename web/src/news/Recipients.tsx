/**
 * "Sẽ gửi tới N người đăng ký và M nhóm Zalo/Facebook": how many a post will reach, before it goes
 * (`GET /api/v1/news/recipients?units=…&kind=…`), for the chosen areas and kind.
 */
import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../components/form/unitTree';
import { formatNumber } from '../lib/format';
import { getRecipients, newsKeys } from './api';
import { recipientsQueryKey, recipientsSummary } from './logic';

const { Text } = Typography;

export default function Recipients({ units, kind }: { units: string[]; kind: string }) {
  const { t } = useTranslation();
  const wanted = recipientsQueryKey(units);
  const key = useDebounced(wanted, 300);
  const codes = key ? key.split(',') : [];
  const count = useQuery({
    queryKey: newsKeys.recipients(codes, kind),
    queryFn: ({ signal }) => getRecipients(codes, kind, signal),
    enabled: codes.length > 0,
    staleTime: 30_000,
  });
  const s = recipientsSummary(count.data);
  return (
    <div className="antq-news-recipients" role="status" aria-live="polite" data-testid="news-recipients">
      <TeamOutlined />{' '}
      {wanted === '' ? (
        <Text type="secondary">{t('news.recipients.none')}</Text>
      ) : key !== wanted || count.isPending ? (
        <Text type="secondary">
          <Spin size="small" /> {t('news.recipients.loading')}
        </Text>
      ) : count.isError ? (
        <Text type="warning">{t('news.recipients.error')}</Text>
      ) : (
        <Text strong>
          {t('news.recipients.text', { subscribers: formatNumber(s.subscribers), groups: formatNumber(s.groups) })}
          {s.members > 0 && <Text type="secondary"> {t('news.recipients.members', { members: formatNumber(s.members) })}</Text>}
        </Text>
      )}
    </div>
  );
}
