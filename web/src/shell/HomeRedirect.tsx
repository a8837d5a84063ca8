import { Spin } from 'antd';
import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../accounts/auth';
import { STAFF_HOME as WORKSPACE_PATH } from '../public/paths';

/**
 * "/" reached inside the staff app (the menu's "Trang chủ", a link, the login's default next page):
 * an officer's home is the workspace; anyone else gets the citizens' home page, which is the small
 * public app (a full page load, as when "/" is opened directly). Apart from the workspace (Home.tsx),
 * which loads on demand like the other pages.
 */
export function HomeRedirect() {
  const { status } = useAuth();
  const { search, hash } = useLocation();
  useEffect(() => {
    if (status === 'anonymous') window.location.replace(`/${search}${hash}`);
  }, [status, search, hash]);
  if (status === 'authenticated') return <Navigate to={{ pathname: WORKSPACE_PATH, search, hash }} replace />;
  return <Spin size="large" className="antq-page-spin" />;
}
