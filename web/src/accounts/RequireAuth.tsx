import { Spin } from 'antd';
import { Suspense, lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { hasPermission, loginPath, useAuth } from './auth';

// a refusal's page (with Ant Design's Result and its pictures) loads when it is shown
const BackHomeResult = lazy(() => import('./BackHomeResult'));

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
      <Suspense fallback={<Spin size="large" className="antq-page-spin" />}>
        <BackHomeResult status="403" title={t('auth.forbidden.title')} desc={t('auth.forbidden.desc')} testId="forbidden" />
      </Suspense>
    );
  }
  return <>{children}</>;
}
