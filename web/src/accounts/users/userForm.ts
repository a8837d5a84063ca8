// The account form's values and fields, shared by the drawer, its form and the save.
/** The drawer: closed, a new account, or the account being edited. */
export type Editing = null | { mode: 'create' } | { mode: 'edit'; username: string };

export interface FormValues {
  username: string;
  display_name: string;
  role: string;
  unit: string | null;
  /** The whole country: an explicit choice, offered to a national administrator only. */
  nationwide: boolean;
  /** A new account's first password: a temporary one, which its owner changes at first login. */
  password: string;
  disabled: boolean;
}

export const CREATE_FIELDS = ['username', 'display_name', 'role', 'unit', 'nationwide', 'password'] as const;

export const EDIT_FIELDS = ['display_name', 'role', 'unit', 'nationwide', 'disabled'] as const;
