/** Issuing the report of the period: a number, a signer and the hand-written assessment and direction. */
import { PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { formatDate } from '../../lib/format';
import { issueReport, previewReport, reportKeys, type ReportQuery } from '../api';
import { useFeedback } from '../../components/feedback';

const { Paragraph } = Typography;

interface IssueForm {
  title?: string;
  number?: string;
  signer?: string;
  assessment?: string;
  direction?: string;
}

/** Limit of each hand-written part (the server's, docs/api/reports.md). */
const HAND_TEXT_MAX = 8000;
/** The texts the officer writes by hand: the assessment, then the direction. */
const HAND_TEXTS = ['assessment', 'direction'] as const;

export function IssueModal({
  open,
  onClose,
  q,
  unitName,
  onPreview,
}: {
  open: boolean;
  onClose: () => void;
  q: ReportQuery & { compare?: boolean };
  unitName: string;
  onPreview: (html: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<IssueForm>();
  const request = (v: IssueForm) => ({
    unit: q.unit,
    from: q.from,
    to: q.to,
    ...(q.compare ? { compare: 'previous_year' } : {}),
    ...(v.title?.trim() ? { title: v.title.trim() } : {}),
    ...(v.number?.trim() ? { number: v.number.trim() } : {}),
    ...(v.signer?.trim() ? { signer: v.signer.trim() } : {}),
    ...(v.assessment?.trim() ? { assessment: v.assessment.trim() } : {}),
    ...(v.direction?.trim() ? { direction: v.direction.trim() } : {}),
  });
  const issue = useMutation({
    mutationFn: (v: IssueForm) => issueReport(request(v)),
    onSuccess: (r) => {
      void message.success(t('reports.issue.done', { number: r.number }));
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
      form.resetFields();
      onClose();
    },
  });
  const preview = useMutation({ mutationFn: (v: IssueForm) => previewReport(request(v)), onSuccess: onPreview });
  const error = issue.error ?? preview.error;
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('reports.issue.title')}
      width={720}
      destroyOnHidden
      footer={[
        <Button
          key="preview"
          icon={<PrinterOutlined />}
          loading={preview.isPending}
          onClick={() => preview.mutate(form.getFieldsValue())}
          data-testid="issue-preview"
        >
          {t('reports.issue.preview')}
        </Button>,
        <Button key="issue" type="primary" icon={<SafetyCertificateOutlined />} loading={issue.isPending} onClick={() => form.submit()}>
          {t('reports.issue.submit')}
        </Button>,
      ]}
    >
      <Paragraph>
        <b>{unitName}</b> · {t('reports.periodText', { from: formatDate(q.from), to: formatDate(q.to) })}
      </Paragraph>
      <Alert type="info" showIcon message={t('reports.issue.intro')} className="antq-reports__issue-intro" />
      {error && <ApiErrorAlert error={error} />}
      <Form form={form} layout="vertical" onFinish={(v) => issue.mutate(v)} data-testid="issue-form">
        <Form.Item name="title" label={t('reports.issue.reportTitle')}>
          <Input maxLength={300} />
        </Form.Item>
        <div className="antq-reports__issue-pair">
          <Form.Item name="number" label={t('reports.issue.number')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="signer" label={t('reports.issue.signer')}>
            <Input maxLength={120} />
          </Form.Item>
        </div>
        <Paragraph type="secondary" className="antq-reports__hint">
          {t('reports.issue.handHint')}
        </Paragraph>
        {HAND_TEXTS.map((name) => (
          <Form.Item key={name} name={name} label={t(`reports.issue.${name}`)}>
            <Input.TextArea
              rows={5}
              maxLength={HAND_TEXT_MAX}
              showCount
              placeholder={t(`reports.issue.${name}Placeholder`)}
              data-testid={`issue-${name}`}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
