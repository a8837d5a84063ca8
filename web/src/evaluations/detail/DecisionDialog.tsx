import { useMutation } from '@tanstack/react-query';
import { type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { approveEvaluation, returnEvaluation, type Evaluation } from '../api';
import { ResultTag } from '../tags';
import { useFeedback } from '../../components/feedback';

const { Paragraph } = Typography;

/** Return (a comment required) or approve (a comment optional). */
export default function DecisionDialog({
  ev,
  kind,
  onClose,
  onDone,
}: {
  ev: Evaluation;
  kind: 'return' | 'approve';
  onClose: () => void;
  onDone: (ev: Evaluation) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [comment, setComment] = useState('');
  const [empty, setEmpty] = useState(false);
  const decide = useMutation({
    mutationFn: () => (kind === 'return' ? returnEvaluation(ev.id, comment.trim()) : approveEvaluation(ev.id, comment.trim() || undefined)),
    onSuccess: async (saved) => {
      await onDone(saved);
      void message.success(kind === 'return' ? t('evaluations.detail.returned') : t('evaluations.detail.approved'));
      onClose();
    },
  });
  const ok = () => {
    if (kind === 'return' && !comment.trim()) {
      setEmpty(true);
      return;
    }
    decide.mutate();
  };
  const preview = useMemo(() => ev.result, [ev.result]);
  return (
    <Modal
      open
      title={kind === 'return' ? t('evaluations.detail.returnTitle') : t('evaluations.detail.approveTitle')}
      onCancel={onClose}
      onOk={ok}
      okText={kind === 'return' ? t('evaluations.detail.return') : t('evaluations.detail.approve')}
      okButtonProps={{ danger: kind === 'return', 'data-testid': 'decision-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      destroyOnHidden
      data-testid="decision-dialog"
    >
      {kind === 'approve' && (
        <Paragraph>
          {t('evaluations.detail.approveHint')} <ResultTag result={preview} />
        </Paragraph>
      )}
      {decide.isError && <ApiErrorAlert error={decide.error} />}
      <Form layout="vertical">
        <Form.Item
          label={kind === 'return' ? t('evaluations.detail.returnComment') : t('evaluations.detail.approveComment')}
          required={kind === 'return'}
          validateStatus={empty ? 'error' : undefined}
          help={empty ? t('evaluations.detail.commentRequired') : undefined}
        >
          <Input.TextArea
            rows={4}
            value={comment}
            maxLength={2000}
            onChange={(e) => {
              setComment(e.target.value);
              setEmpty(false);
            }}
            data-testid="decision-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
