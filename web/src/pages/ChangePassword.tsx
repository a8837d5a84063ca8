import { KeyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { changePassword } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { useAuth } from '../lib/auth';
import { fieldOf, showFieldError } from '../lib/forms';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, confirmationProblem, newPasswordProblem } from '../lib/passwords';
import { usePageTitle } from '../lib/usePageTitle';

const { Title, Paragraph } = Typography;

interface Values {
  current_password: string;
  new_password: string;
  confirm: string;
}

const FIELDS = ['current_password', 'new_password', 'confirm'] as const;

/** The user's own password. The server then ends every session, so the user logs in again. */
export default function ChangePassword() {
  const { t } = useTranslation();
  usePageTitle('password.pageTitle');
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useAuth();

  const mutation = useMutation({
    mutationFn: (v: Values) => changePassword(v.current_password, v.new_password),
    onSuccess: () => {
      void message.success(t('password.done'));
      // every session is revoked, this one too: the login page forgets it and asks for the new password
      void navigate('/login', { replace: true, state: { notice: 'passwordChanged' } });
    },
    onError: (e) => {
      showFieldError(form, e, FIELDS);
    },
  });
  const otherError = mutation.error && !fieldOf(mutation.error, FIELDS) ? mutation.error : null;

  return (
    <div className="antq-auth-page">
      <Card className="antq-auth-card antq-auth-card--wide" data-testid="password-card">
        <div className="antq-auth-card__head">
          <span className="antq-auth-card__icon" aria-hidden>
            <KeyOutlined />
          </span>
          <Title level={1} className="antq-auth-card__title">
            {t('password.title')}
          </Title>
          <Paragraph type="secondary" className="antq-auth-card__desc">
            {t('password.desc', { min: MIN_PASSWORD_LENGTH })}
          </Paragraph>
        </div>
        {otherError && (
          <div className="antq-block-sm">
            <ApiErrorAlert error={otherError} />
          </div>
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => mutation.mutate(v)}
          disabled={mutation.isPending}
          data-testid="password-form"
        >
          {/* for password managers: whose password this is */}
          <input type="text" name="username" autoComplete="username" hidden readOnly value={user?.username ?? ''} />
          <Form.Item
            name="current_password"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.errors.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" maxLength={256} />
          </Form.Item>
          <Form.Item
            name="new_password"
            label={t('password.new')}
            extra={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
            dependencies={['current_password']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) => {
                  const problem = newPasswordProblem(v ?? '', getFieldValue('current_password') as string | undefined);
                  return problem
                    ? Promise.reject(new Error(t(problem, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH })))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={MAX_PASSWORD_LENGTH} />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['new_password']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) => {
                  const problem = confirmationProblem(getFieldValue('new_password') as string, v ?? '');
                  return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={MAX_PASSWORD_LENGTH} />
          </Form.Item>
          <Alert className="antq-block-sm" type="info" showIcon message={t('password.sessionsNote')} />
          <Button type="primary" htmlType="submit" loading={mutation.isPending} block size="large">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
