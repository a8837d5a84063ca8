import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api';
import { showFieldError } from '../../components/forms';
import { createUser, accountKeys, updateUser, type CreateUserRequest, type UpdateUserRequest } from '../api';
import { useAuth } from '../auth';
import type { FormValues } from './userForm';
import { useFeedback } from '../../components/feedback';

/**
 * Creates the account (`username` null) or sends what changed of an existing one (`before`), then
 * refreshes the lists (and the own session when it was the caller's account) and closes the drawer.
 */
export function useSaveUser(args: {
  username: string | null;
  before: User | undefined;
  nationalAdmin: boolean;
  form: FormInstance<FormValues>;
  fields: readonly string[];
  onClose: () => void;
}) {
  const { username, nationalAdmin, form, fields, onClose } = args;
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const { user: me, refresh } = useAuth();
  return useMutation({
    mutationFn: async (v: FormValues) => {
      if (!username) {
        const body: CreateUserRequest = {
          username: v.username.trim(),
          password: v.password,
          role: v.role,
          // nationwide scope is sent as a choice of its own, never as a missing unit
          ...(v.nationwide && nationalAdmin ? { nationwide: true } : { unit: v.unit ?? '' }),
        };
        if (v.display_name?.trim()) body.display_name = v.display_name.trim();
        return createUser(body);
      }
      // only what changed
      const before = args.before;
      const body: UpdateUserRequest = {};
      if ((v.display_name ?? '').trim() !== (before?.display_name ?? '')) body.display_name = (v.display_name ?? '').trim();
      if (v.role !== before?.role) body.role = v.role;
      // the whole country is asked for explicitly, as when creating; a unit by its code
      if (v.nationwide && nationalAdmin) {
        if (before?.unit) body.nationwide = true;
      } else if ((v.unit ?? null) !== (before?.unit?.code ?? null) && v.unit) {
        body.unit = v.unit;
      }
      if (v.disabled !== before?.disabled) body.disabled = v.disabled;
      // nothing to send (the server refuses an empty change)
      if (Object.keys(body).length === 0) return null;
      return updateUser(username, body);
    },
    onSuccess: async (saved) => {
      if (!saved) {
        void message.info(t('users.noChanges'));
        onClose();
        return;
      }
      void message.success(username ? t('users.saved', { username: saved.username }) : t('users.created', { username: saved.username }));
      queryClient.setQueryData(accountKeys.user(saved.username), saved);
      await queryClient.invalidateQueries({ queryKey: ['staff', 'users', 'list'] });
      if (me && saved.username === me.username) await refresh();
      onClose();
    },
    onError: (e) => {
      showFieldError(form, e, fields);
    },
  });
}
