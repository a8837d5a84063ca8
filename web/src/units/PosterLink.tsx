/** A unit's printable QR poster: the link, or the server's explanation of why it cannot be printed yet. */
import { QrcodeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { checkPoster, posterUrl, unitAdminKeys } from './api';

const { Text } = Typography;

export default function PosterLink({ code }: { code: string }) {
  const { t } = useTranslation();
  // asked before offering the link: without a public address configured the poster itself is a 422
  // with a Vietnamese message, which a click would otherwise show as raw JSON in a new tab
  const state = useQuery({
    queryKey: unitAdminKeys.poster(code),
    queryFn: ({ signal }) => checkPoster(code, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (state.isPending) return <Text type="secondary">{t('units.manage.posterChecking')}</Text>;
  if (state.isError) return <ApiErrorAlert error={state.error} onRetry={() => void state.refetch()} />;
  if (!state.data.ok) {
    return <Alert type="warning" showIcon data-testid="unit-poster-unavailable" message={state.data.message} />;
  }
  return (
    <div className="antq-unit-poster">
      <a href={posterUrl(code)} target="_blank" rel="noopener" data-testid="unit-poster">
        <QrcodeOutlined aria-hidden /> {t('units.manage.poster')}
      </a>
      <Text type="secondary" className="antq-hint">
        {t('units.manage.posterHint')}
      </Text>
    </div>
  );
}
