import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import BackHomeResult from '../components/BackHomeResult';
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
    return <BackHomeResult status="403" title={t('auth.forbidden.title')} desc={t('auth.forbidden.desc')} testId="forbidden" />;
  }
  return <>{children}</>;
}
