/**
 * "Hàng chờ gửi": what this phone has not yet delivered — each item with its state ("Chờ gửi",
 * "Đang gửi", "Bị từ chối" with the server's message), send now, send again, delete.
 */
import { CloudUploadOutlined, DeleteOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../accounts/auth';
import RequireAuth from '../accounts/RequireAuth';
import PageHead from '../components/PageHead';
import { usePageTitle } from '../components/usePageTitle';
import { formatDateTime, formatNumber } from '../lib/format';
import { registerKeys } from '../registers/api';
import { REGISTER_BY_NAME, pick, type RegisterName } from '../registers/config';
import { flush, removeItem, requeue, type OutboxItem } from './outbox';
import { useOnline, useOutboxItems } from './useOutbox';
import { inHand } from './submit';
import './offline.css';
import { OUTBOX_PATH } from './paths';
import { useFeedback } from '../components/feedback';
import Card from '../components/Card';

export { OUTBOX_PATH };

function StateTag({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  if (item.state === 'refused') return <Tag color="error">{t('offline.state.refused')}</Tag>;
  if (item.state === 'sending') return <Tag color="processing">{t('offline.state.sending')}</Tag>;
  return <Tag color="warning">{t('offline.state.queued')}</Tag>;
}

/** One waiting item: its state, what it is, when, its photos and tries, the last error; its actions. */
function OutboxRow({ item, kind, onRetry }: { item: OutboxItem; kind: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <List.Item
      data-testid="outbox-item"
      data-state={item.state}
      actions={[
        item.state === 'refused' ? (
          <Button key="retry" icon={<ReloadOutlined />} onClick={onRetry} data-testid="outbox-retry">
            {t('offline.retry')}
          </Button>
        ) : null,
        <Popconfirm
          key="delete"
          title={t('offline.deleteConfirm')}
          description={item.recordId ? t('offline.deleteHintSaved') : t('offline.deleteHint')}
          okText={t('offline.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => removeItem(item.id)}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="outbox-delete">
            {t('offline.delete')}
          </Button>
        </Popconfirm>,
      ].filter(Boolean)}
    >
      <List.Item.Meta
        title={
          <Space wrap size={6}>
            <StateTag item={item} />
            <span data-testid="outbox-item-label">{item.label}</span>
          </Space>
        }
        description={
          <>
            <div>
              {kind} · {t('offline.createdAt', { at: formatDateTime(item.createdAt) })}
              {item.files.length > 0 && ` · ${t('offline.photos', { n: formatNumber(item.files.length) })}`}
              {item.tries > 0 && ` · ${t('offline.tries', { n: formatNumber(item.tries) })}`}
            </div>
            {item.error && (
              <Typography.Text type={item.state === 'refused' ? 'danger' : 'secondary'} data-testid="outbox-item-error">
                {item.state === 'refused'
                  ? t('offline.refusedBecause', { error: item.error })
                  : t('offline.lastError', { error: item.error })}
              </Typography.Text>
            )}
          </>
        }
      />
    </List.Item>
  );
}

function Outbox() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const { user } = useAuth();
  const username = user?.username ?? null;
  const items = useOutboxItems(username);
  const online = useOnline();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  usePageTitle('offline.title');

  const sendNow = async () => {
    if (!username) return;
    setBusy(true);
    try {
      const r = await flush(
        username,
        (item) => void queryClient.invalidateQueries({ queryKey: registerKeys.all(item.kind as RegisterName) }),
        (item) => inHand.has(item.id),
      );
      if (r.stopped) void message.warning(t('offline.stopped', { error: r.stopped instanceof Error ? r.stopped.message : '' }));
      else if (r.sent) void message.success(t('offline.sent', { n: r.sent }));
    } finally {
      setBusy(false);
    }
  };

  const kindLabel = (kind: string) => {
    const cfg = REGISTER_BY_NAME[kind as RegisterName];
    return cfg ? pick(cfg.title, i18n.resolvedLanguage) : kind;
  };

  return (
    <div className="antq-outbox" data-testid="outbox-page">
      <PageHead title={t('offline.title')} intro={t('offline.subtitle')} />
      {!online && (
        <Alert type="warning" showIcon className="antq-outbox__offline" message={t('offline.offlineNow')} data-testid="outbox-offline" />
      )}
      <Card>
        <Space wrap className="antq-outbox__actions">
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={busy}
            disabled={!online || items.length === 0}
            onClick={() => void sendNow()}
            data-testid="outbox-send"
          >
            {t('offline.sendNow')}
          </Button>
          <Typography.Text type="secondary">{t('offline.auto')}</Typography.Text>
        </Space>
        {items.length === 0 ? (
          <Empty description={t('offline.empty')} />
        ) : (
          <List
            itemLayout="vertical"
            dataSource={items}
            rowKey="id"
            renderItem={(item) => <OutboxRow item={item} kind={kindLabel(item.kind)} onRetry={() => void requeue(item.id).then(sendNow)} />}
          />
        )}
      </Card>
    </div>
  );
}

export default function OutboxPage() {
  return (
    <RequireAuth>
      <Outbox />
    </RequireAuth>
  );
}
