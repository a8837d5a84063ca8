import { LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import LanguageSwitch from '../components/LanguageSwitch';
import OwnPasswordForm from './OwnPasswordForm';
import { SET_PASSWORD_PATH, loginPath, safeNext, useAuth } from './auth';
import { landingPath } from './landing';
import { MIN_PASSWORD_LENGTH } from './passwords';
import { usePageTitle } from '../components/usePageTitle';
import './SetPassword.css';
import './accounts.css';
import { useFeedback } from '../components/feedback';
import Card from '../components/Card';

const { Title, Paragraph } = Typography;

/**
 * "Đặt mật khẩu của bạn": the first page of an account whose password an administrator set (a new
 * account, a reset). Nothing else opens until the owner has chosen their own (the server answers
 * every other request 403 `password_change_required`; components/PasswordChangeGate sends every
 * other address here). A page of its own, without the workspace's menu, whose entries would not
 * open. The server then ends every session: the user logs in with the new password and lands as
 * usual (or on the page of `?next=`).
 */
export default function SetPassword() {
  const { t } = useTranslation();
  usePageTitle('firstPassword.pageTitle');
  const { status, user, mustChangePassword, logout, signedOut } = useAuth();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next') ? safeNext(params.get('next')) : null;
  const [leaving, setLeaving] = useState(false);

  if (status === 'loading') return <Spin size="large" className="antq-page-spin" />;
  if (!leaving) {
    if (status === 'anonymous' || !user) return <Navigate to={loginPath(SET_PASSWORD_PATH)} replace />;
    // a password of one's own already: nothing to do here
    if (!mustChangePassword) return <Navigate to={next ?? landingPath(user)} replace />;
  }

  // The session is over (the server ends every session on a password change): forgotten here,
  // before leaving, as the gate would otherwise send the login page straight back here.
  const toLogin = (notice: 'passwordSet' | 'loggedOut') => {
    setLeaving(true);
    signedOut();
    void navigate(next && notice === 'passwordSet' ? `/login?next=${encodeURIComponent(next)}` : '/login', {
      replace: true,
      state: { notice },
    });
  };

  return (
    <div className="antq-first-password">
      <header className="antq-header antq-first-password__header" data-testid="app-header">
        <div className="antq-container antq-header__inner">
          <span className="antq-brand">
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <span className="antq-brand__text">
              <span className="antq-brand__name">{t('app.name')}</span>
              <span className="antq-brand__subtitle">{t('app.subtitle')}</span>
            </span>
          </span>
          <div className="antq-header__tools">
            <LanguageSwitch compact />
          </div>
        </div>
      </header>
      <main id="main" className="antq-container antq-first-password__main">
        <div className="antq-auth-page">
          <Card className="antq-auth-card antq-auth-card--wide" data-testid="first-password-card">
            <div className="antq-auth-card__head">
              <span className="antq-auth-card__icon" aria-hidden>
                <SafetyCertificateOutlined />
              </span>
              <Title level={1} className="antq-auth-card__title">
                {t('firstPassword.title')}
              </Title>
              <Paragraph className="antq-auth-card__desc" data-testid="first-password-why">
                {t('firstPassword.why', { username: user?.username ?? '' })}
              </Paragraph>
              <Paragraph type="secondary" className="antq-auth-card__desc">
                {t('password.desc', { min: MIN_PASSWORD_LENGTH })}
              </Paragraph>
            </div>
            <OwnPasswordForm
              testId="first-password-form"
              currentLabel={t('firstPassword.current')}
              submitLabel={t('firstPassword.submit')}
              onDone={() => {
                void message.success(t('firstPassword.done'));
                // every session has ended, this one too: the login page forgets it
                toLogin('passwordSet');
              }}
            />
            <div className="antq-first-password__leave">
              <Button
                type="link"
                icon={<LogoutOutlined />}
                data-testid="first-password-logout"
                onClick={() => {
                  logout()
                    .catch(() => undefined) // the session may be over already: the login page forgets it anyway
                    .finally(() => toLogin('loggedOut'));
                }}
              >
                {t('userMenu.logout')}
              </Button>
            </div>
          </Card>
        </div>
      </main>
    </div>
  );
}
