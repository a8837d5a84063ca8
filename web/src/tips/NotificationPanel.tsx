/**
 * The latest notifications in a drawer, each a button to its tip. Loaded when the bell is first
 * pressed (NotificationBell.tsx): the header is in every page's first load, this is not.
 */
import { Button, Drawer, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Notification } from './api';
import { formatDateTime } from '../lib/format';
import { notificationText } from './notificationText';
import { useBreakpoint } from '../components/useBreakpoint';

interface Props {
  open: boolean;
  onClose: () => void;
  items: Notification[];
  unread: number;
  onGo: (n: Notification) => void;
  onMarkAll: () => void;
  marking: boolean;
}

export default function NotificationPanel({ open, onClose, items, unread, onGo, onMarkAll, marking }: Props) {
  const { t } = useTranslation();
  const screens = useBreakpoint();
  return (
    <Drawer title={t('notifications.title')} placement="right" width={screens.sm ? 380 : '100%'} open={open} onClose={onClose}>
      <div className="antq-notifications" data-testid="notifications">
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />
        ) : (
          <ul className="antq-notifications__list">
            {items.map((n) => (
              <li key={String(n.id)}>
                <button type="button" className={`antq-notification${n.read ? '' : ' antq-notification--unread'}`} onClick={() => onGo(n)}>
                  <span className="antq-notification__text">{notificationText(n, t)}</span>
                  <Typography.Text type="secondary" className="antq-notification__at">
                    {formatDateTime(n.at)}
                  </Typography.Text>
                </button>
              </li>
            ))}
          </ul>
        )}
        {unread > 0 && (
          <Button type="link" size="small" onClick={onMarkAll} loading={marking}>
            {t('notifications.markAll')}
          </Button>
        )}
      </div>
    </Drawer>
  );
}
