import { LockOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../lib/usePageTitle';

/** Placeholder until staff accounts exist. */
export default function Login() {
  const { t } = useTranslation();
  usePageTitle('login.pageTitle');
  return (
    <Result
      icon={<LockOutlined className="antq-login-icon" />}
      title={<h1 className="antq-result-title">{t('login.title')}</h1>}
      subTitle={
        <>
          <p data-testid="login-message" className="antq-login-message">
            {t('login.message')}
          </p>
          <p>{t('login.desc')}</p>
        </>
      }
      extra={
        <Link to="/">
          <Button type="primary">{t('login.back')}</Button>
        </Link>
      }
    />
  );
}
