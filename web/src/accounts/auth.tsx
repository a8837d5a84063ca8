import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { onUnauthorized, queryKeys, setCsrfToken, type User } from '../api';
import { accountKeys, getSession, logout as apiLogout, type Session } from './api';
import { onPasswordChangeRequired, setReauthenticator } from '../api/client';
import { askReauth } from './reauth';

/** Permissions the staff screens check (the server checks them again on every request). */
export const PERMISSIONS = {
  usersManage: 'users.manage',
  auditRead: 'audit.read',
  tipsRead: 'tips.read',
  tipsWrite: 'tips.write',
  tipsReveal: 'tips.reveal',
} as const;

/**
 * Where an account with a temporary password (set by an administrator) chooses its own: the only
 * page it may open until then (components/PasswordChangeGate).
 */
export const SET_PASSWORD_PATH = '/account/set-password';

export interface AuthState {
  /** `loading` until the first answer of `GET /api/v1/auth/me`. */
  status: 'loading' | 'anonymous' | 'authenticated';
  user: User | null;
  /** The user's password is a temporary one: nothing but SET_PASSWORD_PATH opens. */
  mustChangePassword: boolean;
  csrfToken: string | null;
  /** Stores the session answered by a successful login. */
  signedIn: (session: Session) => void;
  /** Forgets the session locally (after logout, a password change, or a 401). */
  signedOut: () => void;
  /**
   * Logs out on the server and drops the CSRF token. The caller then goes to the login page
   * with the `loggedOut` notice, which forgets the user (see pages/Login).
   */
  logout: () => Promise<void>;
  /** Reloads the user (after a change of the user's own account, e.g. two-factor). */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** True when the user holds the permission. */
export function hasPermission(user: User | null | undefined, permission: string): boolean {
  return !!user && user.permissions.includes(permission);
}

/**
 * Holds `{user, csrf_token}` from `GET /api/v1/auth/me` (a 401 means anonymous) in the query
 * cache, and drops it whenever a staff request is answered with 401.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: accountKeys.session,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    queryClient.setQueryData<Session | null>(accountKeys.session, null);
    queryClient.removeQueries({ queryKey: queryKeys.staff });
  }, [queryClient]);

  const signedIn = useCallback(
    (s: Session) => {
      setCsrfToken(s.csrf_token);
      queryClient.removeQueries({ queryKey: queryKeys.staff });
      queryClient.setQueryData<Session | null>(accountKeys.session, s);
    },
    [queryClient],
  );

  useEffect(() => onUnauthorized(() => signedOut()), [signedOut]);
  // the server says the password is temporary (an administrator reset it while this page was
  // open, or the session was kept from before): the user is sent to choose their own
  useEffect(
    () =>
      onPasswordChangeRequired(() =>
        queryClient.setQueryData<Session | null>(accountKeys.session, (s) =>
          s && !s.user.must_change_password ? { ...s, user: { ...s.user, must_change_password: true } } : s,
        ),
      ),
    [queryClient],
  );
  // a session that ended while a page was open: the re-login dialog, the page kept as it is
  useEffect(() => setReauthenticator(askReauth), []);

  const logout = useCallback(async () => {
    await apiLogout();
  }, []);

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: accountKeys.session });
  }, [queryClient]);

  const data = session.data;
  const value = useMemo<AuthState>(() => {
    // an unreachable server leaves the visitor anonymous; pages that need a login then say so
    const status = session.isPending ? 'loading' : data ? 'authenticated' : 'anonymous';
    return {
      status,
      user: data?.user ?? null,
      mustChangePassword: data?.user.must_change_password === true,
      csrfToken: data?.csrf_token ?? null,
      signedIn,
      signedOut,
      logout,
      refresh,
    };
  }, [session.isPending, data, signedIn, signedOut, logout, refresh]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth() outside <AuthProvider>');
  return ctx;
}

/** Whether `text` holds a C0 control character (U+0000 to U+001F: a tab, a line break, a NUL…). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

/**
 * The page to return to after login, from `?next=`: only a path of this site ("/admin/users?page=2"),
 * never another origin ("//evil.example", "https://…", "/\\evil") nor the login page itself.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (hasControlCharacter(next)) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login#')) return '/';
  return next;
}

/** The login address that comes back to `path` afterwards. */
export function loginPath(path: string): string {
  const next = safeNext(path);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
