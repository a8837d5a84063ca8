import { KeyOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Divider, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountKeys, updateUser } from '../api';
import type { User } from '../../api';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { fieldOf, showFieldError } from '../../components/forms';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords';
import { passwordRule } from './passwordRule';
import { useFeedback } from '../../components/feedback';

const { Text } = Typography;

/**
 * What an administrator does about someone's login: set a temporary password (its owner must
 * change it at the next login; their sessions end), and lift a login lock after wrong passwords
 * (from every address; audited). Each asks before it acts.
 */
export default function LoginActions({ user, disabled }: { user: User; disabled: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
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
