/** Client-side checks of a new password; the server checks again (length, common passwords). */

/** The shortest password the server accepts. */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest password we send (a safety limit; Argon2 has no practical maximum). */
export const MAX_PASSWORD_LENGTH = 128;

/** The i18n key of what is wrong with a new password, or null when it may be sent. */
export function newPasswordProblem(password: string, current?: string): string | null {
  if (!password) return 'password.errors.newRequired';
  // count characters, not UTF-16 units: "mậtkhẩu" is 7 letters however it is encoded
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return 'password.errors.tooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'password.errors.tooLong';
  if (current !== undefined && current !== '' && password === current) return 'password.errors.sameAsCurrent';
  return null;
}

/** The i18n key of the problem with the confirmation, or null when it matches. */
export function confirmationProblem(password: string, confirmation: string): string | null {
  if (!confirmation) return 'password.errors.confirmRequired';
  if (password !== confirmation) return 'password.errors.mismatch';
  return null;
}

/** A TOTP code: 6 digits (spaces the user typed between groups are ignored). */
export function normaliseTotp(code: string): string {
  return code.replace(/[\s-]/g, '');
}

export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(normaliseTotp(code));
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": a TOTP secret in groups, easier to type into a phone. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
