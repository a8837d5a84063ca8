/**
 * A form field built on the browser's own controls (`<input>`, `<select>`, `<textarea>`), drawn as
 * Ant Design draws its vertical form items: the label above, the message under the control in
 * red. For the pages whose first load must stay small (the village officer's quick form, issue
 * 17): Ant Design's Form and its inputs cost ~110 KB gzip there, and on a phone the system's own
 * date picker and list are quicker than drawn ones. Styles in nativeField.css.
 *
 * The control itself is the caller's, given the ids it needs (`fieldIds`): `aria-invalid` and
 * `aria-describedby` point at the message, so a screen reader says it with the field.
 */
import type { ReactNode } from 'react';
import './nativeField.css';

/** The ids of a field's parts: the control's (the label points at it), the label's and the message's. */
export function fieldIds(id: string) {
  return { control: id, label: `${id}-label`, error: `${id}-error` };
}

/** The attributes a control takes to be read with its field's message. */
export function invalidProps(id: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': fieldIds(id).error } : {};
}

export default function NativeField({
  id,
  label,
  error,
  group,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  /**
   * The control is a group (chips, photos), not one labelable element: the label is a plain
   * element with the id `<id>-label`, and the group names itself with `aria-labelledby`.
   */
  group?: boolean;
  children: ReactNode;
}) {
  const ids = fieldIds(id);
  return (
    <div className={error ? 'antq-nf antq-nf--error' : 'antq-nf'} data-testid={`nf-${id}`}>
      {group ? (
        <div id={ids.label} className="antq-nf__label">
          {label}
        </div>
      ) : (
        <label id={ids.label} htmlFor={ids.control} className="antq-nf__label">
          {label}
        </label>
      )}
      {children}
      {error && (
        <div id={ids.error} className="antq-nf__error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
