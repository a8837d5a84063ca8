import { CheckCircleOutlined, CloseCircleOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { getHealth, queryKeys } from '../api';

/** A small tag with the server's /healthz answer. */
export default function HealthStatus() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => getHealth(signal),
    refetchInterval: 60_000,
    retry: 1,
  });
  if (health.isPending) {
    return (
      <Tag icon={<SyncOutlined spin />} color="processing" data-testid="health">
        {t('health.checking')}
      </Tag>
    );
  }
  if (health.isError) {
    return (
      <Tag icon={<CloseCircleOutlined />} color="error" data-testid="health">
        {t('health.down')}
      </Tag>
    );
  }
  const { status, database } = health.data;
  const ok = status === 'ok';
  return (
    <Tag
      icon={ok ? <CheckCircleOutlined /> : <WarningOutlined />}
      color={ok ? 'success' : 'warning'}
      data-testid="health"
      className="antq-wrap-tag"
    >
      {ok ? t('health.ok', { database }) : t('health.degraded', { status, database })}
    </Tag>
  );
}
