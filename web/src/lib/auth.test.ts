import { describe, expect, it } from 'vitest';
import { hasPermission, loginPath, safeNext } from './auth';
import { auditLabel } from './audit';
import { showFieldError } from './forms';
import { ApiError } from '../api';
import i18n from '../i18n';

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

describe('showFieldError', () => {
  it("puts the server's message next to the field it names", () => {
    const calls: unknown[] = [];
    const form = { setFields: (f: unknown) => calls.push(f) };
    const err = new ApiError(400, 'validation_failed', 'Mật khẩu quá phổ biến', 'new_password');
    expect(showFieldError(form, err, ['current_password', 'new_password'])).toBe(true);
    expect(calls).toEqual([[{ name: 'new_password', errors: ['Mật khẩu quá phổ biến'] }]]);
  });

  it('leaves errors about other things to the page', () => {
    const form = { setFields: () => undefined };
    expect(showFieldError(form, new ApiError(400, 'x', 'y', 'other'), ['password'])).toBe(false);
    expect(showFieldError(form, new ApiError(422, 'x', 'y'), ['password'])).toBe(false);
    expect(showFieldError(form, new Error('z'), ['password'])).toBe(false);
  });
});

describe('auditLabel', () => {
  it('names known actions and keeps unknown codes', async () => {
    await i18n.changeLanguage('vi');
    const t = i18n.t.bind(i18n) as Parameters<typeof auditLabel>[0];
    expect(auditLabel(t, 'auditAction', 'login')).toBe('Đăng nhập');
    expect(auditLabel(t, 'auditAction', 'user.create')).toBe('Tạo tài khoản');
    expect(auditLabel(t, 'auditEntity', 'user')).toBe('Tài khoản');
    expect(auditLabel(t, 'auditAction', 'something.new')).toBe('something.new');
    expect(auditLabel(t, 'auditAction', null)).toBe('');
  });
});

describe('audit codes', () => {
  it('all have words in both languages', async () => {
    const { AUDIT_ACTIONS, AUDIT_ENTITIES } = await import('./audit');
    for (const lang of ['vi', 'en']) {
      await i18n.changeLanguage(lang);
      const t = i18n.t.bind(i18n) as Parameters<typeof auditLabel>[0];
      for (const a of AUDIT_ACTIONS) expect(auditLabel(t, 'auditAction', a), `${lang} ${a}`).not.toBe(a);
      for (const e of AUDIT_ENTITIES) expect(auditLabel(t, 'auditEntity', e), `${lang} ${e}`).not.toBe(e);
    }
    await i18n.changeLanguage('vi');
  });
});
