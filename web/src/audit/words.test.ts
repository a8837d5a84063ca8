import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import './i18n';
import { auditLabel } from './labels';

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
    const { AUDIT_ACTIONS, AUDIT_ENTITIES } = await import('./labels');
    for (const lang of ['vi', 'en']) {
      await i18n.changeLanguage(lang);
      const t = i18n.t.bind(i18n) as Parameters<typeof auditLabel>[0];
      for (const a of AUDIT_ACTIONS) expect(auditLabel(t, 'auditAction', a), `${lang} ${a}`).not.toBe(a);
      for (const e of AUDIT_ENTITIES) expect(auditLabel(t, 'auditEntity', e), `${lang} ${e}`).not.toBe(e);
    }
    await i18n.changeLanguage('vi');
  });
});
