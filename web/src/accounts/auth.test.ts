import { describe, expect, it } from 'vitest';
import { hasPermission, loginPath, safeNext } from './auth';

describe('safeNext', () => {
  it('keeps paths of this site', () => {
    expect(safeNext('/admin/users?page=2')).toBe('/admin/users?page=2');
    expect(safeNext('/units?unit=21220')).toBe('/units?unit=21220');
  });

  it('refuses other origins and odd values', () => {
    for (const bad of [null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/a\nb']) {
      expect(safeNext(bad), String(bad)).toBe('/');
    }
  });

  it('never returns to the login page', () => {
    expect(safeNext('/login')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
  });
});

describe('loginPath', () => {
  it('carries the page to come back to', () => {
    expect(loginPath('/admin/audit?actor=admin')).toBe('/login?next=%2Fadmin%2Faudit%3Factor%3Dadmin');
    expect(loginPath('/')).toBe('/login');
  });
});

describe('hasPermission', () => {
  it('reads user.permissions', () => {
    const user = { permissions: ['users.manage'] } as Parameters<typeof hasPermission>[0];
    expect(hasPermission(user, 'users.manage')).toBe(true);
    expect(hasPermission(user, 'audit.read')).toBe(false);
    expect(hasPermission(null, 'users.manage')).toBe(false);
  });
});
