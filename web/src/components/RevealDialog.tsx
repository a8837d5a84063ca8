/**
 * The one dialog that reveals sealed personal data (a tipster's identity, a person under community
 * education): it asks for a reason of at least REVEAL_REASON_MIN characters, sends it, shows what
 * the server answered in the dialog only, and forgets it on close (Decree 13/2023/NĐ-CP: a stated
 * purpose, and every look written to the audit trail by the server).
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REVEAL_REASON_MIN, revealReasonLongEnough } from '../lib/tips';
import ApiErrorAlert from './ApiErrorAlert';

const { Paragraph } = Typography;

export interface RevealDialogProps<T> {
  /**
   * The i18n key of this reveal's words: `<texts>.title` (told `titleValues`), `.warning`, `.reason`,
   * `.reasonHint` and `.reasonShort` (told the minimum length as {{min}}), `.submit`, `.recorded`.
   */
  texts: string;
  titleValues?: Record<string, string>;
  /** Sends the reason (trimmed); resolves with what was revealed. */
  reveal: (reason: string) => Promise<T>;
  /** Called once with the answer, e.g. to refresh the record (the audit shows the look). */
  onRevealed?: (answer: T) => void;
  /** What was revealed, shown in the dialog only. */
  children: (answer: T) => ReactNode;
  onClose: () => void;
}

/** Asks for a reason, reveals in the dialog only, and forgets what it showed on close. */
export default function RevealDialog<T>({ texts, titleValues, reveal, onRevealed, children, onClose }: RevealDialogProps<T>) {
  const { t } = useTranslation();
  const text = (key: string) => t(`${texts}.${key}`, { min: REVEAL_REASON_MIN, ...titleValues });
  const [reason, setReason] = useState('');
  const [short, setShort] = useState(false);
  const [answer, setAnswer] = useState<{ value: T } | null>(null);
  const mutation = useMutation({
    mutationFn: () => reveal(reason.trim()),
    onSuccess: (value) => {
      setAnswer({ value });
      onRevealed?.(value);
    },
  });
  const submit = () => {
    if (!revealReasonLongEnough(reason)) {
      setShort(true);
      return;
    }
    mutation.mutate();
  };
  return (
    <Modal
      open
      title={text('title')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="reveal-dialog"
      footer={
        answer ? (
          <Button onClick={onClose}>{t('common.close')}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" danger loading={mutation.isPending} onClick={submit} data-testid="reveal-submit">
              {text('submit')}
            </Button>
          </>
        )
      }
    >
      <Alert type="warning" showIcon message={text('warning')} className="antq-block-sm" />
      {answer ? (
        <>
          {children(answer.value)}
          <Paragraph type="secondary" className="antq-block">
            {text('recorded')}
          </Paragraph>
        </>
      ) : (
        <Form layout="vertical" onFinish={submit}>
          {mutation.isError && <ApiErrorAlert error={mutation.error} />}
          <Form.Item
            label={text('reason')}
            extra={text('reasonHint')}
            validateStatus={short ? 'error' : undefined}
            help={short ? text('reasonShort') : undefined}
            required
          >
            <Input.TextArea
              rows={3}
              value={reason}
              maxLength={500}
              onChange={(e) => {
                setReason(e.target.value);
                setShort(false);
              }}
              data-testid="reveal-reason"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
