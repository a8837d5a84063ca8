import { EditOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api';
import { formatDateTime } from '../../lib/format';
import { compactColumn } from '../../components/compactColumn';

const { Text } = Typography;

/** The accounts table's columns: eight on a wide screen, one stacked column (`compactColumns`) on a phone. */
export function useUserColumns(onEdit: (username: string) => void): { columns: ColumnsType<User>; compactColumns: ColumnsType<User> } {
  const { t } = useTranslation();
  // the account's state, then what its owner must know about logging in: a temporary password not
  // yet changed, a login lock after wrong passwords (which an administrator can lift)
  const statusTag = (u: User) => (
    <span className="antq-user-tags">
      {u.disabled ? <Tag color="red">{t('users.status.disabled')}</Tag> : <Tag color="green">{t('users.status.active')}</Tag>}
      {u.must_change_password && (
        <Tooltip title={t('users.status.temporaryPasswordHint')}>
          <Tag color="orange" data-testid="user-temporary-password">
            {t('users.status.temporaryPassword')}
          </Tag>
        </Tooltip>
      )}
      {u.login_locked && (
        <Tooltip title={t('users.status.loginLockedHint')}>
          <Tag color="volcano" data-testid="user-login-locked">
            {t('users.status.loginLocked')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
  const totpTag = (u: User) => (u.totp_enabled ? <Tag color="blue">{t('users.totp.on')}</Tag> : <Tag>{t('users.totp.off')}</Tag>);
  const lastLogin = (u: User) =>
    u.last_login_at ? (
      <span className="antq-nowrap">{formatDateTime(u.last_login_at)}</span>
    ) : (
      <Text type="secondary">{t('users.neverLoggedIn')}</Text>
    );
  const editButton = (u: User) => (
    <Button
      icon={<EditOutlined />}
      aria-label={t('users.edit', { username: u.username })}
      title={t('users.edit', { username: u.username })}
      onClick={() => onEdit(u.username)}
    />
  );

  // a phone has no room for eight columns: one column with the same facts, stacked
  const compactColumns = compactColumn<User>(
    t('users.col.account'),
    'account',
    (u) => (
      <>
        <Button type="link" className="antq-link-button" onClick={() => onEdit(u.username)}>
          {u.username}
        </Button>
        {editButton(u)}
      </>
    ),
    (u) => (
      <>
        {u.display_name && <Text strong>{u.display_name}</Text>}
        <Text>
          {u.role_label} · {u.unit?.full_name ?? t('units.root')}
        </Text>
        <div className="antq-compact-row__tags">
          {statusTag(u)}
          <span>
            {t('users.col.totp')}: {totpTag(u)}
          </span>
        </div>
        <Text type="secondary">
          {t('users.col.lastLogin')}: {lastLogin(u)}
        </Text>
      </>
    ),
  );

  const columns: ColumnsType<User> = [
    {
      title: t('users.col.username'),
      dataIndex: 'username',
      key: 'username',
      render: (username: string) => (
        <Button type="link" className="antq-link-button" onClick={() => onEdit(username)}>
          {username}
        </Button>
      ),
    },
    {
      title: t('users.col.displayName'),
      dataIndex: 'display_name',
      key: 'display_name',
      render: (v: string | null) => v || <Text type="secondary">—</Text>,
    },
    { title: t('users.col.role'), dataIndex: 'role_label', key: 'role' },
    {
      title: t('users.col.unit'),
      key: 'unit',
      render: (_, u) => u.unit?.full_name ?? <Text type="secondary">{t('units.root')}</Text>,
    },
    { title: t('users.col.status'), key: 'status', width: 150, render: (_, u) => statusTag(u) },
    { title: t('users.col.totp'), key: 'totp', render: (_, u) => totpTag(u) },
    { title: t('users.col.lastLogin'), key: 'last_login_at', render: (_, u) => lastLogin(u) },
    {
      title: <span className="antq-sr-only">{t('users.col.actions')}</span>,
      key: 'actions',
      width: 64,
      render: (_, u) => editButton(u),
    },
  ];

  return { columns, compactColumns };
}
