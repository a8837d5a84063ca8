import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { hasPermission, loginPath, useAuth } from './auth';

interface Props {
  children: ReactNode;
  /** A permission the page needs beyond being logged in. */
  permission?: string;
}

/** Shows its children to a logged-in user; sends anyone else to /login?next=<this page>. */
export default function RequireAuth({ children, permission }: Props) {
  const { t } = useTranslation();
  const { status, user } = useAuth();
  const location = useLocation();

  if (status === 'loading') return <Spin size="large" className="antq-page-spin" />;
  if (status === 'anonymous' || !user) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  if (permission && !hasPermission(user, permission)) {
    return (
      <Result
        status="403"
        title={<h1 className="antq-result-title">{t('auth.forbidden.title')}</h1>}
        subTitle={t('auth.forbidden.desc')}
        data-testid="forbidden"
        extra={
          <Link to="/">
            <Button type="primary">{t('notFound.back')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}
