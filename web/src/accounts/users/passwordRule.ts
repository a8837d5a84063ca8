import type { TFunction } from 'i18next';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, newPasswordProblem } from '../passwords';

/** The strength rule of a password an administrator types (the server checks it again). */
export function passwordRule(t: TFunction, v: string | undefined): Promise<void> {
  const problem = newPasswordProblem(v ?? '');
  return problem ? Promise.reject(new Error(t(problem, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH }))) : Promise.resolve();
}
