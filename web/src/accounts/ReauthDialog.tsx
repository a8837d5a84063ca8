/**
 * The re-login dialog: the session ended while the page was open (30 minutes without use). The
 * page and everything typed in it stay; the user types the password (and the two-step code when
 * the account has one) and whatever was being saved is sent again. Loaded by ReauthModal the first
 * time it is needed.
 */
import { LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { accountKeys, login, type Session } from './api';
import { useAuth } from './auth';
import { normaliseTotp } from './passwords';
import { endReauth, useReauthNeeded } from './reauth';
import { TotpField } from './TotpField';
import { errorMessage } from '../components/ApiErrorAlert';
import './accounts.css';

export default function ReauthDialog() {
  const { t } = useTranslation();
  const { user, signedOut } = useAuth();
  const open = useReauthNeeded();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ password: string; totp?: string }>();
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) {
      form.resetFields();
      setNeedTotp(false);
      setError(null);
    }
  }, [open, form]);

  const username = user?.username ?? '';

  const submit = async (v: { password: string; totp?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const session: Session = await login({
        username,
        password: v.password,
        ...(needTotp && v.totp ? { totp: normaliseTotp(v.totp) } : {}),
      });
      // the same user again: the page keeps its data, only the session (and its CSRF token) is new
      queryClient.setQueryData<Session | null>(accountKeys.session, session);
      endReauth(true);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'totp_required') {
        setNeedTotp(true);
      } else {
        if (e instanceof ApiError && e.code === 'invalid_totp') form.setFieldValue('totp', '');
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const leave = () => {
    endReauth(false);
    signedOut();
  };

  return (
    <Modal
      open={open && !!user}
      title={t('reauth.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
      destroyOnHidden
      data-testid="reauth-modal"
      width={420}
    >
      <Typography.Paragraph type="secondary">{t('reauth.desc')}</Typography.Paragraph>
      {error !== null && (
        <Alert
          className="antq-block-sm"
          type="error"
          showIcon
          role="alert"
          message={errorMessage(error, t('error.title'))}
          data-testid="reauth-error"
        />
      )}
      <Form<{ password: string; totp?: string }>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        disabled={busy}
        data-testid="reauth-form"
      >
        <Form.Item label={t('login.username')}>
          <Typography.Text strong data-testid="reauth-username">
            {username}
          </Typography.Text>
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.errors.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} autoFocus />
        </Form.Item>
        {needTotp && <TotpField extra={t('login.totp.desc')} />}
        <div className="antq-form-actions">
          <Button onClick={leave} data-testid="reauth-leave">
            {t('reauth.leave')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="reauth-submit">
            {t('reauth.submit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
