import { Checkbox, Form, Input, Select, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemList, User } from '../../api';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import UnitField from '../../components/form/UnitField';
import { formatDateTime } from '../../lib/format';
import type { Role } from '../api';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords';
import LockSwitch from './LockSwitch';
import { passwordRule } from './passwordRule';
import type { FormValues } from './userForm';

const { Text } = Typography;

interface Props {
  form: FormInstance<FormValues>;
  /** null: a new account */
  username: string | null;
  existing: User | undefined;
  isSelf: boolean;
  nationalAdmin: boolean;
  roles: { data?: ItemList<Role>; isPending: boolean; isError: boolean; error: Error | null };
  saving: boolean;
  otherError: Error | null;
  onFinish: (v: FormValues) => void;
}

/** The fields of a new account, or of an existing one (name, role, unit, nationwide scope, lock). */
export default function UserForm({ form, username, existing, isSelf, nationalAdmin, roles, saving, otherError, onFinish }: Props) {
  const { t } = useTranslation();
  const nationwide = Form.useWatch('nationwide', form) === true;
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      requiredMark={username ? false : 'optional'}
      onFinish={onFinish}
      disabled={saving}
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
          {existing && (
            <Text type="secondary" className="antq-hint">
              {t('users.form.lastLogin', {
                at: existing.last_login_at ? formatDateTime(existing.last_login_at) : t('users.neverLoggedIn'),
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
          notFoundContent={roles.isError ? roles.error?.message : undefined}
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
      {username && existing && (
        <div className="antq-user-facts">
          <Text type="secondary">
            {t('users.form.totp')}: {existing.totp_enabled ? t('users.totp.on') : t('users.totp.off')}
          </Text>
          <Text type="secondary">{t('users.form.createdAt', { at: formatDateTime(existing.created_at) })}</Text>
        </div>
      )}
    </Form>
  );
}
