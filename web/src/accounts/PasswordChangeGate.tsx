import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { SET_PASSWORD_PATH, useAuth } from './auth';

/**
 * While the user's password is a temporary one (set by an administrator), every address of the
 * staff app leads to "Đặt mật khẩu của bạn": the server refuses everything else anyway (403
 * `password_change_required`), and a page that only fails is no place to start. It sits above the
 * routes, so no other page (nor the workspace's header, whose bell would ask the server) renders
 * even once. From the login page, the page asked for (`?next=`) comes along for afterwards.
 */
export default function PasswordChangeGate({ children }: { children: ReactNode }) {
  const { mustChangePassword } = useAuth();
  const { pathname, search } = useLocation();
  if (mustChangePassword && pathname !== SET_PASSWORD_PATH) {
    const next = pathname === '/login' ? new URLSearchParams(search).get('next') : null;
    return <Navigate to={next ? `${SET_PASSWORD_PATH}?next=${encodeURIComponent(next)}` : SET_PASSWORD_PATH} replace />;
  }
  return <>{children}</>;
}
