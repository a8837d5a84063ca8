/**
 * Saving a quick form's record (QuickActivity.tsx, QuickPatrol.tsx) through the outbox: sent now,
 * or kept on the phone until there is a network; then its photos. A refused photo leaves the record
 * saved and says so. A refusal about one of `fields` goes to `onFieldError` (under that field);
 * `otherError` is any other refusal. What was saved stays shown until `again`.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { useAuth } from '../accounts/auth';
import { fieldOf } from '../components/forms';
import { useFeedback } from '../components/feedback';
import { registerKeys } from './api';
import { pick, type RegisterConfig } from './config';
import { refusedPhotosText, submitRecord } from './offline';
import { formToPayload, readableMessage, type FormValues } from './payload';
import type { Queued, Saved } from './QuickResults';

export function useQuickSave(register: RegisterConfig, fields: readonly string[], onFieldError: (field: string, message: string) => void) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const save = useMutation({
    mutationFn: async ({ values, photos }: { values: FormValues; photos: File[] }): Promise<Saved | Queued> => {
      const sent = await submitRecord(register, user?.username ?? '', formToPayload(register, values) ?? {}, photos, i18n.resolvedLanguage);
      if (sent.queued) return { queued: sent.item, photos: photos.length };
      const refused = refusedPhotosText(t, sent, photos.length);
      if (refused) void message.error(refused);
      return { record: sent.record, photos: photos.length };
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(register.name) });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field && fields.includes(e.field)) {
        onFieldError(
          e.field,
          readableMessage(register, e.message, (f) => pick(f.label, 'vi')),
        );
      }
    },
  });
  const [saved, setSaved] = useState<Saved | Queued | null>(null);
  useEffect(() => {
    if (save.data) setSaved(save.data);
  }, [save.data]);
  const again = () => {
    save.reset();
    setSaved(null);
  };
  const otherError = save.error && !fieldOf(save.error, fields) ? save.error : null;
  return { save, saved, again, otherError };
}
