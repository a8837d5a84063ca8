import { CheckCircleFilled, SafetyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, Row, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { disableTotp, enableTotp, setupTotp, type TotpSetup } from './api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import QrCode from './QrCode';
import { useAuth } from './auth';
import { fieldOf, showFieldError } from '../components/forms';
import { groupSecret, isTotpCode, normaliseTotp } from './passwords';
import { usePageTitle } from '../components/usePageTitle';
import './accounts.css';
import { useFeedback } from '../components/feedback';
import Card from '../components/Card';

const { Title, Paragraph, Text } = Typography;

/** Two-factor authentication (TOTP) of the user's own account: set up and enable, or disable. */
export default function TwoFactor() {
  const { t } = useTranslation();
  usePageTitle('totp.pageTitle');
  const { user } = useAuth();
  if (!user) return null;

  return (
    <div className="antq-auth-page">
      <Card className="antq-auth-card antq-auth-card--wide" data-testid="totp-card">
        <div className="antq-auth-card__head">
          <span className="antq-auth-card__icon" aria-hidden>
            <SafetyOutlined />
          </span>
          <Title level={1} className="antq-auth-card__title">
            {t('totp.title')}
          </Title>
          <div>
            {user.totp_enabled ? (
              <Tag color="success" icon={<CheckCircleFilled />} data-testid="totp-status">
                {t('totp.on')}
              </Tag>
            ) : (
              <Tag data-testid="totp-status">{t('totp.off')}</Tag>
            )}
          </div>
          <Paragraph type="secondary" className="antq-auth-card__desc">
            {t('totp.desc')}
          </Paragraph>
        </div>
        {user.totp_enabled ? <DisableTotp /> : <EnableTotp />}
      </Card>
    </div>
  );
}

function EnableTotp() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { refresh } = useAuth();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [form] = Form.useForm<{ code: string }>();

  const start = useMutation({ mutationFn: setupTotp, onSuccess: (s) => setSetup(s) });
  const enable = useMutation({
    mutationFn: (code: string) => enableTotp(code),
    onSuccess: async () => {
      void message.success(t('totp.enabled'));
      setSetup(null);
      await refresh();
    },
    onError: (e) => {
      showFieldError(form, e, ['code']);
    },
  });

  if (!setup) {
    return (
      <>
        {start.error && (
          <div className="antq-block-sm">
            <ApiErrorAlert error={start.error} />
          </div>
        )}
        <Button type="primary" size="large" block loading={start.isPending} onClick={() => start.mutate()} data-testid="totp-setup">
          {t('totp.start')}
        </Button>
      </>
    );
  }

  // any error that is not about the code field (e.g. 400 without a field) goes above the form
  const enableError = enable.error && !fieldOf(enable.error, ['code']) ? enable.error : null;
  return (
    <div data-testid="totp-setup-panel">
      <Steps
        direction="vertical"
        size="small"
        className="antq-totp-steps"
        items={[
          { title: t('totp.step1.title'), description: t('totp.step1.desc'), status: 'process' },
          {
            title: t('totp.step2.title'),
            status: 'process',
            description: (
              <Row gutter={[24, 16]} align="middle" className="antq-totp-scan">
                <Col flex="none">
                  <QrCode value={setup.otpauth_uri} alt={t('totp.qrAlt')} />
                </Col>
                <Col flex="1 1 200px">
                  <Text type="secondary">{t('totp.secretLabel')}</Text>
                  <div>
                    <Text code copyable={{ text: setup.secret }} className="antq-totp-secret" data-testid="totp-secret">
                      {groupSecret(setup.secret)}
                    </Text>
                  </div>
                </Col>
              </Row>
            ),
          },
          {
            title: t('totp.step3.title'),
            status: 'process',
            description: (
              <Form<{ code: string }>
                form={form}
                layout="vertical"
                requiredMark={false}
                onFinish={(v) => enable.mutate(normaliseTotp(v.code))}
                disabled={enable.isPending}
                className="antq-block-sm"
              >
                {enableError && (
                  <div className="antq-block-sm">
                    <ApiErrorAlert error={enableError} />
                  </div>
                )}
                <Form.Item
                  name="code"
                  label={t('totp.code')}
                  rules={[
                    {
                      validator: (_, v: string | undefined) =>
                        isTotpCode(v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('login.errors.totpFormat'))),
                    },
                  ]}
                >
                  <Input autoComplete="one-time-code" inputMode="numeric" maxLength={7} className="antq-totp-input" />
                </Form.Item>
                <div className="antq-form-actions">
                  <Button onClick={() => setSetup(null)}>{t('common.cancel')}</Button>
                  <Button type="primary" htmlType="submit" loading={enable.isPending}>
                    {t('totp.enable')}
                  </Button>
                </div>
              </Form>
            ),
          },
        ]}
      />
    </div>
  );
}

function DisableTotp() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { refresh } = useAuth();
  const [form] = Form.useForm<{ password: string }>();
  const disable = useMutation({
    mutationFn: (password: string) => disableTotp(password),
    onSuccess: async () => {
      void message.success(t('totp.disabled'));
      form.resetFields();
      await refresh();
    },
    onError: (e) => {
      showFieldError(form, e, ['password']);
    },
  });
  // e.g. 422: two-factor is mandatory for the user's role; the server says so in its message
  const otherError = disable.error && !fieldOf(disable.error, ['password']) ? disable.error : null;

  return (
    <Form<{ password: string }>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => disable.mutate(v.password)}
      disabled={disable.isPending}
      data-testid="totp-disable-form"
    >
      <Alert className="antq-block-sm" type="warning" showIcon message={t('totp.disableWarning')} />
      {otherError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={otherError} />
        </div>
      )}
      <Form.Item name="password" label={t('totp.password')} rules={[{ required: true, message: t('password.errors.currentRequired') }]}>
        <Input.Password autoComplete="current-password" maxLength={256} />
      </Form.Item>
      <Button danger type="primary" htmlType="submit" loading={disable.isPending} block>
        {t('totp.disable')}
      </Button>
    </Form>
  );
}
