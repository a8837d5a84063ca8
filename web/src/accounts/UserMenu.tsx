import { AuditOutlined, DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Divider, Dropdown, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, type User } from '../api';
import { PERMISSIONS, hasPermission, useAuth } from './auth';
import { errorMessage } from '../components/ApiErrorAlert';
import { clearOfflineReads } from '../offline/serviceWorker';
import { useOutboxItems } from '../offline/useOutbox';
import './UserMenu.css';
import { useFeedback } from '../components/feedback';

/** The name to show for a user: the display name, else the username. */
export function userName(user: Pick<User, 'display_name' | 'username'>): string {
  return user.display_name?.trim() || user.username;
}

interface Props {
  user: User;
  /** Only the icon (narrow screens). */
  compact?: boolean;
}

/** The logged-in user's menu in the header: who, role and unit; own account; administration; logout. */
export default function UserMenu({ user, compact = false }: Props) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const navigate = useNavigate();
  const { logout } = useAuth();
  const queued = useOutboxItems(user.username);
  const [open, setOpen] = useState(false);

  const items: MenuProps['items'] = [
    { key: '/account/password', icon: <KeyOutlined />, label: t('userMenu.password') },
    { key: '/account/totp', icon: <SafetyOutlined />, label: t('userMenu.totp') },
  ];
  const admin: NonNullable<MenuProps['items']> = [];
  if (hasPermission(user, PERMISSIONS.usersManage)) {
    admin.push({ key: '/admin/users', icon: <TeamOutlined />, label: t('userMenu.users') });
  }
  if (hasPermission(user, PERMISSIONS.auditRead)) {
    admin.push({ key: '/admin/audit', icon: <AuditOutlined />, label: t('userMenu.audit') });
  }
  if (admin.length) items.push({ type: 'divider' }, ...admin);
  items.push({ type: 'divider' }, { key: 'logout', icon: <LogoutOutlined />, label: t('userMenu.logout'), danger: true });

  const onClick: MenuProps['onClick'] = ({ key }) => {
    setOpen(false);
    if (key !== 'logout') {
      void navigate(key);
      return;
    }
    const leave = () =>
      // the login page then forgets the session (also when the server could not confirm); the
      // API answers kept for offline use go with it (the next person on this phone sees none)
      logout()
        .catch((e: unknown) => {
          // 401: the session had already ended, which is what the user wanted
          if (!(e instanceof ApiError && e.status === 401)) void message.warning(errorMessage(e, t('error.title')));
        })
        .finally(() => {
          void clearOfflineReads();
          void navigate('/login', { state: { notice: 'loggedOut' } });
        });
    // records still waiting on this phone: they stay (sent at the next log-in), but ask first
    if (queued.length === 0) {
      void leave();
      return;
    }
    modal.confirm({
      title: t('offline.logoutTitle', { n: queued.length }),
      content: t('offline.logoutText'),
      okText: t('offline.logoutOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: leave,
    });
  };

  const name = userName(user);
  const unit = user.unit?.full_name ?? t('units.root');

  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      menu={{ items, onClick }}
      popupRender={(menu) => (
        <div className="antq-user-menu" data-testid="user-menu">
          <div className="antq-user-menu__who">
            <Typography.Text strong className="antq-user-menu__name">
              {name}
            </Typography.Text>
            {name !== user.username && (
              <Typography.Text type="secondary" className="antq-user-menu__line">
                {t('userMenu.username', { username: user.username })}
              </Typography.Text>
            )}
            <Typography.Text className="antq-user-menu__line" data-testid="user-menu-role">
              {t('userMenu.role', { role: user.role_label })}
            </Typography.Text>
            <Typography.Text className="antq-user-menu__line" data-testid="user-menu-unit">
              {t('userMenu.unit', { unit })}
            </Typography.Text>
          </div>
          <Divider className="antq-user-menu__divider" />
          {menu}
        </div>
      )}
    >
      <Button
        type="text"
        className="antq-user-button"
        data-testid="user-button"
        aria-label={t('userMenu.open', { name })}
        icon={<UserOutlined />}
      >
        {!compact && (
          <>
            <span className="antq-user-button__name">{name}</span>
            <DownOutlined className="antq-user-button__caret" />
          </>
        )}
      </Button>
    </Dropdown>
  );
}
