import { useQuery } from '@tanstack/react-query';
import { Form, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { fieldOf } from '../../components/forms';
import FormDrawer from '../../components/FormDrawer';
import { accountKeys, getUser, listRoles } from '../api';
import { useAuth } from '../auth';
import LoginActions from './LoginActions';
import UserForm from './UserForm';
import { CREATE_FIELDS, EDIT_FIELDS, type Editing, type FormValues } from './userForm';
import { useSaveUser } from './useSaveUser';

/**
 * The form of a new account, or of an existing one (role, unit, name, lock), with the login actions
 * of an existing account: a temporary password, lifting a login lock.
 */
export default function UserDrawer({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const { user: me } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const open = editing !== null;
  const username = editing?.mode === 'edit' ? editing.username : null;
  const fields: readonly string[] = username ? EDIT_FIELDS : CREATE_FIELDS;
  // only an administrator whose own unit is the whole country may give an account nationwide scope
  const nationalAdmin = !!me && me.role === 'admin' && me.unit === null;

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

  const save = useSaveUser({ username, before: existing.data, nationalAdmin, form, fields, onClose });

  const resetSave = save.reset;
  useEffect(() => {
    if (!open) resetSave();
  }, [open, resetSave]);

  const otherError = save.error && !fieldOf(save.error, fields) ? save.error : null;
  const isSelf = !!username && me?.username === username;
  const title = username ? t('users.form.editTitle', { username }) : t('users.form.createTitle');

  return (
    <FormDrawer
      title={title}
      open={open}
      onClose={onClose}
      width={480}
      testId="user-drawer"
      save={{
        label: username ? t('common.save') : t('users.form.create'),
        loading: save.isPending,
        onClick: () => form.submit(),
        testId: 'user-save',
      }}
    >
      {username && existing.isPending && <Skeleton active />}
      {username && existing.isError && <ApiErrorAlert error={existing.error} onRetry={() => void existing.refetch()} />}
      {(!username || existing.data) && (
        <UserForm
          form={form}
          username={username}
          existing={existing.data}
          isSelf={isSelf}
          nationalAdmin={nationalAdmin}
          roles={roles}
          saving={save.isPending}
          otherError={otherError}
          onFinish={(v) => save.mutate(v)}
        />
      )}
      {username && existing.data && !isSelf && <LoginActions user={existing.data} disabled={save.isPending} />}
    </FormDrawer>
  );
}
