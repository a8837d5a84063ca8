import { LockOutlined, SafetyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import { login, type LoginRequest } from './api';
import { safeNext, useAuth } from './auth';
import { landingPath } from './landing';
import { CredentialsForm, LoginError, TotpForm, type Credentials } from './LoginForms';
import { normaliseTotp } from './passwords';
import { usePageTitle } from '../components/usePageTitle';
import './accounts.css';
import Card from '../components/Card';

const { Title, Paragraph, Text } = Typography;

/** Notices other pages leave for the login page (in the router's location state). */
export type LoginNotice = 'passwordChanged' | 'passwordSet' | 'loggedOut';

/** Staff login: username and password, then the two-factor code when the account asks for one. */
export default function Login() {
  const { t } = useTranslation();
  usePageTitle('login.pageTitle');
  const { status, user, signedIn, signedOut } = useAuth();
  const [params] = useSearchParams();
  const location = useLocation();
  const notice = (location.state as { notice?: LoginNotice } | null)?.notice;
  const next = safeNext(params.get('next'));

  // the credentials of the first step, kept for the second (the server wants both again)
  const [pending, setPending] = useState<Credentials | null>(null);
  const [form] = Form.useForm<Credentials>();
  const [totpForm] = Form.useForm<{ totp: string }>();

  // set once a login on this page succeeds (from then on, "authenticated" means: move on)
  const loggedInHere = useRef(false);
  const mutation = useMutation({
    mutationFn: (body: LoginRequest) => login(body),
    onSuccess: (session) => {
      loggedInHere.current = true;
      signedIn(session);
    },
    onError: (e, body) => {
      if (e instanceof ApiError && e.code === 'totp_required') {
        setPending({ username: body.username, password: body.password });
      } else if (e instanceof ApiError && e.code === 'invalid_totp') {
        totpForm.setFieldValue('totp', '');
      }
    },
  });

  // Coming from a logout or a password change, the server has ended the session: forget it
  // here, once on this page (doing it before leaving the other page would make its login guard
  // send the user here without the notice).
  const leaving = !!notice && status === 'authenticated' && !loggedInHere.current;
  useEffect(() => {
    if (leaving) signedOut();
  }, [leaving, signedOut]);

  if (status === 'loading' || leaving) return <Spin size="large" className="antq-page-spin" />;
  // logged in (now or before): on to the page the user came from, else where the role starts its day
  if (status === 'authenticated') return <Navigate to={params.get('next') ? next : landingPath(user)} replace />;

  // "totp_required" is not an error for the user: it opens the second step
  const error = mutation.error instanceof ApiError && mutation.error.code === 'totp_required' ? null : mutation.error;
  const submitCredentials = (v: Credentials) => mutation.mutate({ username: v.username.trim(), password: v.password });
  const submitTotp = (v: { totp: string }) => {
    if (pending) mutation.mutate({ ...pending, totp: normaliseTotp(v.totp) });
  };
  const back = () => {
    setPending(null);
    mutation.reset();
    totpForm.resetFields();
  };

  return (
    <div className="antq-auth-page">
      <Card className="antq-auth-card" data-testid="login-card">
        <div className="antq-auth-card__head">
          <span className="antq-auth-card__icon" aria-hidden>
            {pending ? <SafetyOutlined /> : <LockOutlined />}
          </span>
          <Title level={1} className="antq-auth-card__title">
            {pending ? t('login.totp.title') : t('login.title')}
          </Title>
          <Paragraph type="secondary" className="antq-auth-card__desc">
            {pending ? t('login.totp.desc') : t('login.desc')}
          </Paragraph>
        </div>

        {notice && !error && (
          <Alert
            className="antq-block-sm"
            type={notice === 'passwordChanged' ? 'success' : 'info'}
            showIcon
            data-testid="login-notice"
            message={t(`login.notice.${notice}`)}
          />
        )}
        {error && <LoginError error={error} />}
        {/* a lock after wrong passwords (per account and address) still lets in whoever also has
            the second factor: password and code together, in one request */}
        {!pending && mutation.variables && mutation.error instanceof ApiError && mutation.error.code === 'account_locked' && (
          <Button
            type="link"
            block
            icon={<SafetyOutlined />}
            className="antq-block-sm"
            data-testid="login-totp-way-in"
            onClick={() => {
              const { username, password } = mutation.variables as LoginRequest;
              setPending({ username, password });
            }}
          >
            {t('login.totpWayIn')}
          </Button>
        )}

        {!pending ? (
          <CredentialsForm form={form} onFinish={submitCredentials} busy={mutation.isPending} />
        ) : (
          <TotpForm form={totpForm} onFinish={submitTotp} busy={mutation.isPending} onBack={back} />
        )}
        <Text type="secondary" className="antq-auth-card__foot">
          {t('login.citizens')}
        </Text>
      </Card>
    </div>
  );
}
