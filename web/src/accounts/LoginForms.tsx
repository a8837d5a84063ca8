// The two steps of the login page: username and password, then the two-factor code; and the error shown above them.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { errorMessage } from '../components/ApiErrorAlert';
import { TotpField } from './TotpField';

export interface Credentials {
  username: string;
  password: string;
}

export function CredentialsForm({
  form,
  onFinish,
  busy,
}: {
  form: FormInstance<Credentials>;
  onFinish: (v: Credentials) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form<Credentials> form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={busy} data-testid="login-form">
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, whitespace: true, message: t('login.errors.usernameRequired') }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          maxLength={64}
          size="large"
        />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.errors.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}

export function TotpForm(props: {
  form: FormInstance<{ totp: string }>;
  onFinish: (v: { totp: string }) => void;
  busy: boolean;
  onBack: () => void;
}) {
  const { form, onFinish, busy, onBack } = props;
  const { t } = useTranslation();
  return (
    <Form<{ totp: string }> form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={busy} data-testid="totp-form">
      <TotpField size="large" />
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {t('login.totp.submit')}
      </Button>
      <Button type="link" block onClick={onBack} className="antq-block-sm">
        {t('login.totp.back')}
      </Button>
    </Form>
  );
}

export /** The server's message; for a lockout, also when to try again. */
function LoginError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const limited = error instanceof ApiError && error.status === 429;
  const minutes = limited && error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : null;
  // the server's message may already say when ("… sau 15 phút"): then it is not repeated
  const said = minutes !== null && error instanceof Error && new RegExp(`\\b${minutes}\\b`).test(error.message);
  return (
    <Alert
      className="antq-block-sm"
      type="error"
      showIcon
      role="alert"
      data-testid="login-error"
      message={errorMessage(error, t('error.title'))}
      description={minutes && !said ? t('login.retryAfter', { minutes }) : undefined}
    />
  );
}
