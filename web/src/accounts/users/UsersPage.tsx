import { EditOutlined, KeyOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  createUser,
  getUser,
  listRoles,
  listUsers,
  accountKeys,
  updateUser,
  type CreateUserRequest,
  type UpdateUserRequest,
} from '../api';
import type { User } from '../../api';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import UnitField from '../../components/form/UnitField';
import { useAuth } from '../auth';
import { formatDateTime, formatNumber } from '../../lib/format';
import { fieldOf, showFieldError } from '../../components/forms';
import { PAGE_SIZES, useListParams } from '../../components/listParams';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, newPasswordProblem } from '../passwords';
import { usePageTitle } from '../../components/usePageTitle';
import './users.css';
import { useBreakpoint, useNarrow } from '../../components/useBreakpoint';

const { Title, Paragraph, Text } = Typography;

/** The drawer: closed, a new account, or the account being edited. */
type Editing = null | { mode: 'create' } | { mode: 'edit'; username: string };

export default function Users() {
  const { t } = useTranslation();
  usePageTitle('users.pageTitle');
  const { filters, page, perPage, setFilters, setPage } = useListParams(['q'] as const);
  const [text, setText] = useState(filters.q);
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => setText(filters.q), [filters.q]);

  const query = { q: filters.q || undefined, page, per_page: perPage };
  const users = useQuery({
    queryKey: accountKeys.users(query),
    queryFn: ({ signal }) => listUsers(query, signal),
    placeholderData: keepPreviousData,
  });

  const narrow = useNarrow();

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
  const totpTag = (u: User) =>
    u.totp_enabled ? <Tag color="blue">{t('users.totp.on')}</Tag> : <Tag>{t('users.totp.off')}</Tag>;
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
      onClick={() => setEditing({ mode: 'edit', username: u.username })}
    />
  );

  // a phone has no room for eight columns: one column with the same facts, stacked
  const compactColumns: ColumnsType<User> = [
    {
      title: t('users.col.account'),
      key: 'account',
      render: (_, u) => (
        <div className="antq-compact-row">
          <div className="antq-compact-row__head">
            <Button type="link" className="antq-link-button" onClick={() => setEditing({ mode: 'edit', username: u.username })}>
              {u.username}
            </Button>
            {editButton(u)}
          </div>
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
        </div>
      ),
    },
  ];

  const columns: ColumnsType<User> = [
    {
      title: t('users.col.username'),
      dataIndex: 'username',
      key: 'username',
      render: (username: string) => (
        <Button type="link" className="antq-link-button" onClick={() => setEditing({ mode: 'edit', username })}>
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

  return (
    <div className="antq-admin" data-testid="users-page">
      <div className="antq-admin__head">
        <div>
          <Title level={1} className="antq-page-title">
            {t('users.pageTitle')}
          </Title>
          <Paragraph type="secondary">{t('users.intro')}</Paragraph>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="user-add">
          {t('users.add')}
        </Button>
      </div>

      <div className="antq-toolbar">
        <label htmlFor="antq-user-search" className="antq-sr-only">
          {t('users.search.label')}
        </label>
        <Input.Search
          id="antq-user-search"
          className="antq-toolbar__search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setFilters({ q: v })}
          placeholder={t('users.search.placeholder')}
          enterButton={t('users.search.button')}
          allowClear
          maxLength={100}
          autoComplete="off"
        />
      </div>

      {users.isError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={users.error} onRetry={() => void users.refetch()} />
        </div>
      )}

      <Table<User>
        className="antq-block"
        data-testid="users-table"
        rowKey="username"
        size="middle"
        columns={narrow ? compactColumns : columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={narrow ? undefined : { x: 980 }}
        locale={{ emptyText: filters.q ? t('users.noneFor', { q: filters.q }) : t('users.none') }}
        pagination={{
          current: users.data?.page ?? page,
          pageSize: users.data?.per_page ?? perPage,
          total: users.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) => t('users.total', { n: formatNumber(total) }),
          onChange: setPage,
        }}
      />

      <UserDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

interface FormValues {
  username: string;
  display_name: string;
  role: string;
  unit: string | null;
  /** The whole country: an explicit choice, offered to a national administrator only. */
  nationwide: boolean;
  /** A new account's first password: a temporary one, which its owner changes at first login. */
  password: string;
  disabled: boolean;
}

const CREATE_FIELDS = ['username', 'display_name', 'role', 'unit', 'nationwide', 'password'] as const;
const EDIT_FIELDS = ['display_name', 'role', 'unit', 'nationwide', 'disabled'] as const;

/**
 * The form of a new account, or of an existing one (role, unit, name, lock), with the login actions
 * of an existing account: a temporary password, lifting a login lock.
 */
function UserDrawer({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = useBreakpoint();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { user: me, refresh } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const open = editing !== null;
  const username = editing?.mode === 'edit' ? editing.username : null;
  const fields: readonly string[] = username ? EDIT_FIELDS : CREATE_FIELDS;
  // only an administrator whose own unit is the whole country may give an account nationwide scope
  const nationalAdmin = !!me && me.role === 'admin' && me.unit === null;
  const nationwide = Form.useWatch('nationwide', form) === true;

  const roles = useQuery({
    queryKey: accountKeys.roles,
    queryFn: ({ signal }) => listRoles(signal),
    staleTime: 10 * 60_000,
    enabled: open,
  });
  const existing = useQuery({
    queryKey: accountKeys.user(username ?? ''),
    queryFn: ({ signal }) => getUser(username ?? '', signal),
    enabled: !!username,
    staleTime: 0,
  });

  // fill the form when the drawer opens (or the account has loaded)
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (existing.data && username) {
      form.setFieldsValue({
        display_name: existing.data.display_name ?? '',
        role: existing.data.role,
        unit: existing.data.unit?.code ?? null,
        nationwide: existing.data.unit === null,
        disabled: existing.data.disabled,
      });
    }
  }, [open, username, existing.data, form]);

  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      if (!username) {
        const body: CreateUserRequest = {
          username: v.username.trim(),
          password: v.password,
          role: v.role,
          // nationwide scope is sent as a choice of its own, never as a missing unit
          ...(v.nationwide && nationalAdmin ? { nationwide: true } : { unit: v.unit ?? '' }),
        };
        if (v.display_name?.trim()) body.display_name = v.display_name.trim();
        return createUser(body);
      }
      // only what changed
      const before = existing.data;
      const body: UpdateUserRequest = {};
      if ((v.display_name ?? '').trim() !== (before?.display_name ?? '')) body.display_name = (v.display_name ?? '').trim();
      if (v.role !== before?.role) body.role = v.role;
      // the whole country is asked for explicitly, as when creating; a unit by its code
      if (v.nationwide && nationalAdmin) {
        if (before?.unit) body.nationwide = true;
      } else if ((v.unit ?? null) !== (before?.unit?.code ?? null) && v.unit) {
        body.unit = v.unit;
      }
      if (v.disabled !== before?.disabled) body.disabled = v.disabled;
      // nothing to send (the server refuses an empty change)
      if (Object.keys(body).length === 0) return null;
      return updateUser(username, body);
    },
    onSuccess: async (saved) => {
      if (!saved) {
        void message.info(t('users.noChanges'));
        onClose();
        return;
      }
      void message.success(username ? t('users.saved', { username: saved.username }) : t('users.created', { username: saved.username }));
      queryClient.setQueryData(accountKeys.user(saved.username), saved);
      await queryClient.invalidateQueries({ queryKey: ['staff', 'users', 'list'] });
      if (me && saved.username === me.username) await refresh();
      onClose();
    },
    onError: (e) => {
      showFieldError(form, e, fields);
    },
  });

  const resetSave = save.reset;
  useEffect(() => {
    if (!open) resetSave();
  }, [open, resetSave]);

  const otherError = save.error && !fieldOf(save.error, fields) ? save.error : null;
  const isSelf = !!username && me?.username === username;
  const title = username ? t('users.form.editTitle', { username }) : t('users.form.createTitle');

  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      width={screens.sm ? 480 : '100%'}
      destroyOnHidden
      data-testid="user-drawer"
      footer={
        <div className="antq-form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="user-save">
            {username ? t('common.save') : t('users.form.create')}
          </Button>
        </div>
      }
    >
      {username && existing.isPending && <Skeleton active />}
      {username && existing.isError && <ApiErrorAlert error={existing.error} onRetry={() => void existing.refetch()} />}
      {(!username || existing.data) && (
        <Form<FormValues>
          form={form}
          layout="vertical"
          requiredMark={username ? false : 'optional'}
          onFinish={(v) => save.mutate(v)}
          disabled={save.isPending}
          initialValues={{ unit: null, nationwide: false, disabled: false, display_name: '', password: '' }}
          data-testid="user-form"
        >
          {otherError && (
            <div className="antq-block-sm">
              <ApiErrorAlert error={otherError} />
            </div>
          )}
          {!username ? (
            <Form.Item
              name="username"
              label={t('users.form.username')}
              extra={t('users.form.usernameHint')}
              rules={[{ required: true, whitespace: true, message: t('users.form.usernameRequired') }]}
            >
              <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={64} />
            </Form.Item>
          ) : (
            <Form.Item label={t('users.form.username')}>
              <Text strong>{username}</Text>
              {existing.data && (
                <Text type="secondary" className="antq-hint">
                  {t('users.form.lastLogin', {
                    at: existing.data.last_login_at ? formatDateTime(existing.data.last_login_at) : t('users.neverLoggedIn'),
                  })}
                </Text>
              )}
            </Form.Item>
          )}
          <Form.Item name="display_name" label={t('users.form.displayName')}>
            <Input maxLength={120} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="role"
            label={t('users.form.role')}
            rules={[{ required: true, message: t('users.form.roleRequired') }]}
            extra={isSelf ? t('users.form.selfLocked') : undefined}
          >
            <Select
              loading={roles.isPending}
              placeholder={t('users.form.rolePlaceholder')}
              options={(roles.data?.items ?? []).map((r) => ({ value: r.code, label: r.label }))}
              status={roles.isError ? 'error' : undefined}
              disabled={isSelf}
              notFoundContent={roles.isError ? roles.error.message : undefined}
              data-testid="user-role"
            />
          </Form.Item>
          <Form.Item
            name="unit"
            label={t('users.form.unit')}
            extra={isSelf ? t('users.form.selfLocked') : nationwide ? t('users.form.nationwideHint') : t('users.form.unitHint')}
            rules={[{ required: !nationwide && !isSelf, message: t('users.form.unitRequired') }]}
            required={!nationwide}
            data-testid="user-unit"
          >
            <UnitField disabled={isSelf || nationwide} />
          </Form.Item>
          {nationalAdmin && (
            <Form.Item name="nationwide" valuePropName="checked" className="antq-user-nationwide">
              <Checkbox
                disabled={isSelf}
                onChange={(e) => {
                  if (e.target.checked) form.setFieldValue('unit', null);
                  void form.validateFields(['unit']).catch(() => undefined);
                }}
                data-testid="user-nationwide"
              >
                {t('users.form.nationwide')}
              </Checkbox>
            </Form.Item>
          )}
          {username && (
            <Form.Item
              name="disabled"
              label={t('users.form.disabled')}
              valuePropName="checked"
              extra={isSelf ? t('users.form.disabledSelf') : t('users.form.disabledHint')}
            >
              <LockSwitch disabled={isSelf} />
            </Form.Item>
          )}
          {!username && (
            <Form.Item
              name="password"
              label={t('users.form.password')}
              extra={t('users.form.passwordHint', { min: MIN_PASSWORD_LENGTH })}
              rules={[{ validator: (_, v: string | undefined) => passwordRule(t, v) }]}
              required
            >
              <Input.Password autoComplete="new-password" maxLength={MAX_PASSWORD_LENGTH} />
            </Form.Item>
          )}
          {username && existing.data && (
            <div className="antq-user-facts">
              <Text type="secondary">
                {t('users.form.totp')}: {existing.data.totp_enabled ? t('users.totp.on') : t('users.totp.off')}
              </Text>
              <Text type="secondary">{t('users.form.createdAt', { at: formatDateTime(existing.data.created_at) })}</Text>
            </div>
          )}
        </Form>
      )}
      {username && existing.data && !isSelf && <LoginActions user={existing.data} disabled={save.isPending} />}
    </Drawer>
  );
}

/** The strength rule of a password an administrator types (the server checks it again). */
function passwordRule(t: TFunction, v: string | undefined): Promise<void> {
  const problem = newPasswordProblem(v ?? '');
  return problem ? Promise.reject(new Error(t(problem, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH }))) : Promise.resolve();
}

/**
 * What an administrator does about someone's login: set a temporary password (its owner must
 * change it at the next login; their sessions end), and lift a login lock after wrong passwords
 * (from every address; audited). Each asks before it acts.
 */
function LoginActions({ user, disabled }: { user: User; disabled: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [resetOpen, setResetOpen] = useState(false);
  const [form] = Form.useForm<{ password: string }>();

  const saved = async (u: User) => {
    queryClient.setQueryData(accountKeys.user(u.username), u);
    await queryClient.invalidateQueries({ queryKey: ['staff', 'users', 'list'] });
  };
  const reset = useMutation({
    mutationFn: (password: string) => updateUser(user.username, { password }),
    onSuccess: async (u) => {
      void message.success(t('users.login.resetDone', { username: u.username }));
      setResetOpen(false);
      await saved(u);
    },
    onError: (e) => {
      showFieldError(form, e, ['password']);
    },
  });
  const unlock = useMutation({
    mutationFn: () => updateUser(user.username, { unlock: true }),
    onSuccess: async (u) => {
      void message.success(t('users.login.unlockDone', { username: u.username }));
      await saved(u);
    },
    onError: (e) => void message.error(e.message),
  });
  const resetError = reset.error && !fieldOf(reset.error, ['password']) ? reset.error : null;

  const askUnlock = () =>
    void modal.confirm({
      title: t('users.login.unlockConfirmTitle', { username: user.username }),
      content: t('users.login.unlockConfirm'),
      okText: t('users.login.unlock'),
      cancelText: t('common.cancel'),
      icon: <UnlockOutlined />,
      onOk: () => unlock.mutateAsync().catch(() => undefined),
    });

  return (
    <section className="antq-user-login" aria-labelledby="antq-user-login-title" data-testid="user-login-actions">
      <Divider className="antq-user-login__divider" />
      <Typography.Title level={2} className="antq-user-login__title" id="antq-user-login-title">
        {t('users.login.title')}
      </Typography.Title>
      <div className="antq-user-facts">
        <Text data-testid="user-login-password">
          {user.must_change_password ? t('users.login.passwordTemporary') : t('users.login.passwordOwn')}
        </Text>
        <Text data-testid="user-login-lock" type={user.login_locked ? 'danger' : undefined}>
          {user.login_locked ? t('users.login.locked') : user.login_locked === false ? t('users.login.notLocked') : null}
        </Text>
      </div>
      <div className="antq-user-login__actions">
        <Button
          icon={<KeyOutlined />}
          disabled={disabled}
          onClick={() => {
            form.resetFields();
            reset.reset();
            setResetOpen(true);
          }}
          data-testid="user-reset-password"
        >
          {t('users.login.reset')}
        </Button>
        <Button
          icon={<UnlockOutlined />}
          type={user.login_locked ? 'primary' : 'default'}
          disabled={disabled}
          loading={unlock.isPending}
          onClick={askUnlock}
          data-testid="user-unlock"
        >
          {t('users.login.unlock')}
        </Button>
      </div>
      <Modal
        title={t('users.login.resetTitle', { username: user.username })}
        open={resetOpen}
        onCancel={() => setResetOpen(false)}
        onOk={() => form.submit()}
        okText={t('users.login.reset')}
        cancelText={t('common.cancel')}
        confirmLoading={reset.isPending}
        destroyOnHidden
        data-testid="user-reset-modal"
      >
        <Typography.Paragraph>{t('users.login.resetExplain')}</Typography.Paragraph>
        {resetError && (
          <div className="antq-block-sm">
            <ApiErrorAlert error={resetError} />
          </div>
        )}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => reset.mutate(v.password)} disabled={reset.isPending}>
          <Form.Item
            name="password"
            label={t('users.login.resetField')}
            extra={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
            rules={[{ validator: (_, v: string | undefined) => passwordRule(t, v) }]}
          >
            <Input.Password autoComplete="new-password" maxLength={MAX_PASSWORD_LENGTH} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}

/** The "locked" switch, with what it means now in words beside it. */
function LockSwitch(props: { id?: string; checked?: boolean; onChange?: (v: boolean) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const { id, checked = false, onChange, disabled } = props;
  return (
    <span className="antq-lock-switch">
      <Switch id={id} checked={checked} onChange={(v) => onChange?.(v)} disabled={disabled} />
      {checked ? (
        <Tag color="red">{t('users.form.lockedNow')}</Tag>
      ) : (
        <Tag color="green">{t('users.form.activeNow')}</Tag>
      )}
    </span>
  );
}
