/** In the header: how many records wait on this phone to be sent, and whether it is offline. */
import { CloudUploadOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import CountBadge from '../components/CountBadge';
import { OUTBOX_PATH } from './paths';
import './outboxBadge.css';
import { useOnline, useOutboxItems } from './useOutbox';

export default function OutboxBadge({ user }: { user: string }) {
  const { t } = useTranslation();
  const items = useOutboxItems(user);
  const online = useOnline();
  if (items.length === 0 && online) return null;
  const label = online ? t('offline.badge', { n: items.length }) : t('offline.badgeOffline', { n: items.length });
  return (
    <Tooltip title={label}>
      <Link to={OUTBOX_PATH} aria-label={label} data-testid="outbox-badge" data-count={items.length} data-offline={!online}>
        <Button
          type="text"
          className="antq-outbox-badge"
          icon={
            <span className="antq-count-holder">
              {online ? <CloudUploadOutlined /> : <DisconnectOutlined />}
              <CountBadge count={items.length} />
            </span>
          }
          tabIndex={-1}
          aria-hidden
        >
          {!online && <span className="antq-outbox-badge__text">{t('offline.offlineShort')}</span>}
        </Button>
      </Link>
    </Tooltip>
  );
}
