import { afterEach, describe, expect, it, vi } from 'vitest';
import { getCsrfToken, setCsrfToken } from '../api/client';
import { getSession, login, logout } from './api';

const user = {
  username: 'admin',
  display_name: 'Quản trị viên',
  role: 'admin',
  role_label: 'Quản trị hệ thống',
  unit: null,
  permissions: ['users.manage', 'audit.read'],
  totp_enabled: false,
  disabled: false,
  last_login_at: null,
  created_at: '2025-08-19T00:00:00Z',
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('session calls', () => {
  it('GET /auth/me keeps the CSRF token; 401 means anonymous', async () => {
    vi.stubGlobal('fetch', async () => json(200, { user, csrf_token: 'c1' }));
    await expect(getSession()).resolves.toMatchObject({ user: { username: 'admin' } });
    expect(getCsrfToken()).toBe('c1');
    vi.stubGlobal('fetch', async () => json(401, { error: { code: 'unauthenticated', message: 'Chưa đăng nhập' } }));
    await expect(getSession()).resolves.toBeNull();
    expect(getCsrfToken()).toBeNull();
  });

  it('login stores the token that the next unsafe request sends; logout forgets it', async () => {
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) =>
      url === '/api/v1/auth/login' ? json(200, { user, csrf_token: 'c2' }) : new Response(null, { status: 204 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await login({ username: 'admin', password: 'demo-password-123' });
    const loginInit = fetchMock.mock.calls[0]?.[1] as RequestInit;
    expect(JSON.parse(loginInit.body as string)).toEqual({ username: 'admin', password: 'demo-password-123' });
    await logout();
    const logoutHeaders = (fetchMock.mock.calls[1]?.[1] as RequestInit).headers as Record<string, string>;
    expect(logoutHeaders['X-CSRF-Token']).toBe('c2');
    expect(getCsrfToken()).toBeNull();
  });
});
