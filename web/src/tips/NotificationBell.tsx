import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { listNotifications, markNotificationsRead, notificationTip, tipKeys, type Notification } from './api';
import { formatDateTime } from '../lib/format';
import { formatTrackingCode } from '../lib/tips';
import { useBreakpoint } from '../components/useBreakpoint';
import './notifications.css';

const { Text } = Typography;

/** The notification's text: "Tin báo mới 7KQM-X4TB" etc. ("tip.received" → key tip_received). */
export function notificationText(n: Notification, t: (k: string, o?: Record<string, unknown>) => string): string {
  const tip = notificationTip(n);
  const code = tip?.code ? formatTrackingCode(tip.code) : '';
  const key = `notifications.kind.${n.kind.replace(/\./g, '_')}`;
  return t(key, { code, defaultValue: t('notifications.kind.other', { code }) });
}

/** The bell in the header: unread count, the latest notifications, each linking to its tip. */
export default function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const screens = useBreakpoint();
  // a phone has no room for a popover under the header: a drawer instead
  const narrow = !screens.sm;
  const list = useQuery({
    queryKey: tipKeys.notifications,
    queryFn: ({ signal }) => listNotifications(signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const mark = useMutation({
    mutationFn: (ids?: (string | number)[]) => markNotificationsRead(ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tipKeys.notifications }),
  });

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const go = (n: Notification) => {
    setOpen(false);
    if (!n.read) mark.mutate([n.id]);
    const tip = notificationTip(n);
    if (tip) void navigate(`/tin-bao/${encodeURIComponent(tip.id)}`);
  };

  const content = (
    <div className="antq-notifications" data-testid="notifications">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />
      ) : (
        <ul className="antq-notifications__list">
          {items.map((n) => (
            <li key={String(n.id)}>
              <button type="button" className={`antq-notification${n.read ? '' : ' antq-notification--unread'}`} onClick={() => go(n)}>
                <span className="antq-notification__text">{notificationText(n, t)}</span>
                <Text type="secondary" className="antq-notification__at">
                  {formatDateTime(n.at)}
                </Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      {unread > 0 && (
        <Button type="link" size="small" onClick={() => mark.mutate(undefined)} loading={mark.isPending}>
          {t('notifications.markAll')}
        </Button>
      )}
    </div>
  );

  const bell = (
    <Button
      type="text"
      className="antq-bell"
      aria-label={t('notifications.open', { n: unread })}
      data-testid="notification-bell"
      onClick={narrow ? () => setOpen(true) : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="antq-bell__icon" />
        </Badge>
      }
    />
  );

  if (narrow) {
    return (
      <>
        {bell}
        <Drawer title={t('notifications.title')} placement="right" width="100%" open={open} onClose={() => setOpen(false)}>
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      content={content}
      title={t('notifications.title')}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      arrow={false}
    >
      {bell}
    </Popover>
  );
}
