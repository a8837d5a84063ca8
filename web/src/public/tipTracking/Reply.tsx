/** The reporter's message to the police, under the thread. */
import { useState, type FormEvent } from 'react';
import { formatNumber } from '../../lib/format';
import { MESSAGE_MAX, textLength } from '../../lib/tips';
import { sendMessage } from '../api';
import { useI18n } from '../i18n';
import { CheckIcon } from '../icons';
import { TextAreaField } from '../formFields';
import { Spinner, errorText } from '../ui';
import type { Creds } from './creds';

export function Reply({ creds, onSent }: { creds: Creds; onSent: () => void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  const send = async (ev: FormEvent) => {
    ev.preventDefault();
    setSent(false);
    const n = textLength(body);
    if (n === 0) return setError(t('track.reply.empty'));
    if (n > MESSAGE_MAX) return setError(t('track.reply.long', { max: formatNumber(MESSAGE_MAX) }));
    setError(null);
    setSending(true);
    try {
      await sendMessage(creds.code, creds.secret, body.trim());
      setBody('');
      setSent(true);
      onSent();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="p-reply" onSubmit={(e) => void send(e)} noValidate data-testid="reply-form">
      <TextAreaField
        id="reply-body"
        label={t('track.reply')}
        error={error ?? undefined}
        rows={3}
        value={body}
        placeholder={t('track.reply.placeholder')}
        onChange={setBody}
      />
      <div className="p-actions p-actions--row">
        <button type="submit" className="p-btn p-btn--primary" disabled={sending} data-testid="reply-send">
          {sending && <Spinner />} {t('track.reply.send')}
        </button>
        {sent && (
          <span className="p-ok-text" role="status">
            <CheckIcon /> {t('track.reply.sent')}
          </span>
        )}
      </div>
    </form>
  );
}
