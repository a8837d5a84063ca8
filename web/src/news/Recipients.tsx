/**
 * "Sẽ gửi tới N người đăng ký và M nhóm (K thành viên)": how many a post will reach, before it goes
 * (`GET /api/v1/news/recipients?units=…&kind=…`), for the chosen areas, kind and groups. The same
 * call lists the groups the picker offers (ChannelPicker).
 */
import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../components/form/unitTree';
import { formatNumber } from '../lib/format';
import { getRecipients, newsKeys, type NewsChannel } from './api';
import { recipientsQueryKey, recipientsSummary } from './logic';

const { Text } = Typography;

/** The recipients of the chosen areas and kind (asked again 300 ms after the areas settle). */
export function useRecipients(units: string[], kind: string) {
  const wanted = recipientsQueryKey(units);
  const key = useDebounced(wanted, 300);
  const codes = key ? key.split(',') : [];
  const query = useQuery({
    queryKey: newsKeys.recipients(codes, kind),
    queryFn: ({ signal }) => getRecipients(codes, kind, signal),
    enabled: codes.length > 0,
    staleTime: 30_000,
  });
  /** No area chosen. */
  const none = wanted === '';
  /** The answer for the areas on the form has not come yet. */
  const loading = !none && (key !== wanted || query.isPending);
  return { none, loading, error: !none && !loading && query.isError, data: loading || none ? undefined : query.data };
}

export type RecipientsState = ReturnType<typeof useRecipients>;

interface Props {
  state: RecipientsState;
  /** The ids of the chosen groups, and the post's saved groups (which may lie outside the areas). */
  selected: string[];
  saved?: NewsChannel[];
}

export default function Recipients({ state, selected, saved }: Props) {
  const { t } = useTranslation();
  const s = recipientsSummary(state.data, selected, saved);
  return (
    <div className="antq-news-recipients" role="status" aria-live="polite" data-testid="news-recipients">
      <TeamOutlined />{' '}
      {state.none ? (
        <Text type="secondary">{t('news.recipients.none')}</Text>
      ) : state.loading ? (
        <Text type="secondary">
          <Spin size="small" /> {t('news.recipients.loading')}
        </Text>
      ) : state.error ? (
        <Text type="warning">{t('news.recipients.error')}</Text>
      ) : (
        <Text strong>
          {t('news.recipients.text', { subscribers: formatNumber(s.subscribers), groups: formatNumber(s.groups) })}
          {s.groups > 0 && <Text type="secondary"> {t('news.recipients.members', { members: formatNumber(s.members) })}</Text>}
        </Text>
      )}
    </div>
  );
}
