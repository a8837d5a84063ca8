import { KeyOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import OwnPasswordForm from './OwnPasswordForm';
import { MIN_PASSWORD_LENGTH } from './passwords';
import { usePageTitle } from '../components/usePageTitle';
import './accounts.css';
import { useFeedback } from '../components/feedback';
import Card from '../components/Card';

const { Title, Paragraph } = Typography;

/** The user's own password. The server then ends every session, so the user logs in again. */
export default function ChangePassword() {
  const { t } = useTranslation();
  usePageTitle('password.pageTitle');
  const { message } = useFeedback();
  const navigate = useNavigate();

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
        <OwnPasswordForm
          currentLabel={t('password.current')}
          submitLabel={t('password.submit')}
          onDone={() => {
            void message.success(t('password.done'));
            // every session is revoked, this one too: the login page forgets it and asks for the new password
            void navigate('/login', { replace: true, state: { notice: 'passwordChanged' } });
          }}
        />
      </Card>
    </div>
  );
}
