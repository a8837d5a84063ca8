import type { FormInstance } from 'antd';
import { ApiError } from '../api';

/**
 * Puts a server validation error (`error.field`) next to the form field it names.
 * `fields` lists the form's field names; `aliases` maps API field names to form field names
 * when they differ. Returns true when the error was placed on a field, false when it is about
 * something else (and should be shown above the form).
 */
export function showFieldError(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): boolean {
  const name = fieldOf(error, fields, aliases);
  if (!name || !(error instanceof ApiError)) return false;
  form.setFields([{ name, errors: [error.message] }]);
  return true;
}

/** The form field an API error is about, or null. */
export function fieldOf(error: unknown, fields: readonly string[], aliases: Record<string, string> = {}): string | null {
  if (!(error instanceof ApiError) || !error.field) return null;
  const name = aliases[error.field] ?? error.field;
  return fields.includes(name) ? name : null;
}
