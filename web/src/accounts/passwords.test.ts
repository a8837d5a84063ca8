import { describe, expect, it } from 'vitest';
import { confirmationProblem, groupSecret, isTotpCode, newPasswordProblem, normaliseTotp } from './passwords';

describe('new password checks', () => {
  it('want at least 10 characters', () => {
    expect(newPasswordProblem('')).toBe('password.errors.newRequired');
    expect(newPasswordProblem('123456789')).toBe('password.errors.tooShort');
    expect(newPasswordProblem('1234567890')).toBeNull();
    expect(newPasswordProblem('x'.repeat(129))).toBe('password.errors.tooLong');
  });

  it('count Vietnamese letters once, however they are encoded', () => {
    // "mậtkhẩuabc" is 10 letters; decomposed it has more UTF-16 units
    expect(newPasswordProblem('mậtkhẩuabc'.normalize('NFD'))).toBeNull();
    expect(newPasswordProblem('mậtkhẩuab'.normalize('NFD'))).toBe('password.errors.tooShort');
  });

  it('refuse the current password as the new one', () => {
    expect(newPasswordProblem('same-password-1', 'same-password-1')).toBe('password.errors.sameAsCurrent');
    expect(newPasswordProblem('new-password-1', 'old-password-1')).toBeNull();
  });

  it('want the confirmation to match', () => {
    expect(confirmationProblem('new-password-1', '')).toBe('password.errors.confirmRequired');
    expect(confirmationProblem('new-password-1', 'new-password-2')).toBe('password.errors.mismatch');
    expect(confirmationProblem('new-password-1', 'new-password-1')).toBeNull();
  });
});

describe('TOTP codes', () => {
  it('are 6 digits, spaces allowed', () => {
    expect(isTotpCode('123456')).toBe(true);
    expect(isTotpCode('123 456')).toBe(true);
    expect(normaliseTotp('123 456')).toBe('123456');
    expect(isTotpCode('12345')).toBe(false);
    expect(isTotpCode('12345a')).toBe(false);
    expect(isTotpCode('')).toBe(false);
  });

  it('secrets are shown in groups of four', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDE')).toBe('ABCD E');
  });
});
