import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { listNotifications, markNotificationsRead, notificationTip, tipKeys, type Notification } from './api';
import CountBadge from '../components/CountBadge';
import OnceOpened from '../components/OnceOpened';
import './notifications.css';

// the list itself (a drawer) loads when the bell is first pressed
const NotificationPanel = lazy(() => import('./NotificationPanel'));

/** The bell in the header: unread count, the latest notifications, each linking to its tip. */
export default function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
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

  const go = (n: Notification) => {
    setOpen(false);
    if (!n.read) mark.mutate([n.id]);
    const tip = notificationTip(n);
    if (tip) void navigate(`/tin-bao/${encodeURIComponent(tip.id)}`);
  };

  return (
    <>
      <Button
        type="text"
        className="antq-bell"
        aria-label={t('notifications.open', { n: unread })}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="notification-bell"
        onClick={() => setOpen(true)}
        icon={
          <span className="antq-count-holder">
            <BellOutlined className="antq-bell__icon" />
            <CountBadge count={unread} testId="notification-count" />
          </span>
        }
      />
      <OnceOpened open={open}>
        <NotificationPanel
          open={open}
          onClose={() => setOpen(false)}
          items={list.data?.items ?? []}
          unread={unread}
          onGo={go}
          onMarkAll={() => mark.mutate(undefined)}
          marking={mark.isPending}
        />
      </OnceOpened>
    </>
  );
}
