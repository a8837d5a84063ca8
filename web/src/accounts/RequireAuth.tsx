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
    return <BackHomeResult status="403" title={t('auth.forbidden.title')} desc={t('auth.forbidden.desc')} testId="forbidden" />;
  }
  return <>{children}</>;
}

/** A whole-page result (no such page, no permission) with its heading and a button back to the home page. */
export function BackHomeResult({ status, title, desc, testId }: { status: '403' | '404'; title: string; desc: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status={status}
      title={<h1 className="antq-result-title">{title}</h1>}
      subTitle={desc}
      data-testid={testId}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}
