import { Alert, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type TipDetail as Tip, type TipPatch } from '../api';
import { useAuth } from '../../accounts/auth';
import { formatTrackingCode } from '../../lib/tips';
import { isFinalStatus, missingForStatus, nextStatuses } from '../workflow';
import AssigneeSelect from './AssigneeSelect';
import { usePatch } from './usePatch';
import { useFeedback } from '../../components/feedback';
import Card from '../../components/Card';

const { Text } = Typography;

export default function Handle({ tip }: { tip: Tip }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message } = useFeedback();
  const patch = usePatch(tip);
  const [form] = Form.useForm<{ status?: string; assignee?: string; reason?: string; duplicate_of?: string }>();
  const status = Form.useWatch('status', form);
  const options = nextStatuses(tip.status);

  useEffect(() => {
    form.setFieldsValue({ status: undefined, assignee: tip.assignee ?? '', reason: '', duplicate_of: undefined });
  }, [tip.status, tip.assignee, form]);

  const assigneeNow = Form.useWatch('assignee', form) ?? '';
  const reasonNow = Form.useWatch('reason', form) ?? '';
  const duplicateNow = Form.useWatch('duplicate_of', form) ?? null;
  const missing = status
    ? missingForStatus(status, {
        assignee: assigneeNow || tip.assignee,
        outcome: !!tip.outcome,
        reason: reasonNow,
        duplicateOf: duplicateNow,
      })
    : [];

  const submit = (v: { status?: string; assignee?: string; reason?: string; duplicate_of?: string }) => {
    const body: TipPatch = {};
    if (v.status) body.status = v.status;
    const who = (v.assignee ?? '').trim();
    if (who && who !== (tip.assignee ?? '')) body.assignee = who;
    if (v.status === 'rejected' && v.reason?.trim()) body.reason = v.reason.trim();
    if (v.status === 'duplicate' && v.duplicate_of) body.duplicate_of = Number(v.duplicate_of);
    if (Object.keys(body).length === 0) {
      void message.info(t('tips.handle.nothing'));
      return;
    }
    patch.mutate(body, { onSuccess: () => void message.success(t('tips.handle.saved')) });
  };

  if (isFinalStatus(tip.status)) {
    return (
      <Card title={t('tips.handle.title')} size="small">
        <Text type="secondary">{t('tips.handle.final')}</Text>
      </Card>
    );
  }

  const needText: Record<string, string> = {
    outcome: t('tips.handle.needsOutcome'),
    assignee: t('tips.handle.needsAssignee'),
    reason: t('tips.handle.needsReason'),
    duplicate_of: t('tips.handle.needsDuplicate'),
  };

  return (
    <Card title={t('tips.handle.title')} size="small" data-testid="tip-handle">
      <Form form={form} layout="vertical" onFinish={submit} disabled={patch.isPending}>
        <Form.Item name="status" label={t('tips.handle.status')} extra={t('tips.handle.forwardOnly')}>
          <Select
            allowClear
            placeholder={t('tips.handle.statusPlaceholder')}
            options={options.map((s) => ({ value: s, label: t(`tips.status.${s}`) }))}
            data-testid="handle-status"
          />
        </Form.Item>
        <Form.Item label={t('tips.handle.assignee')} extra={t('tips.handle.assigneeHint')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="assignee" noStyle>
              <AssigneeSelect tip={tip} />
            </Form.Item>
            {user && <Button onClick={() => form.setFieldValue('assignee', user.username)}>{t('tips.handle.assignMe')}</Button>}
          </Space.Compact>
        </Form.Item>
        {status === 'rejected' && (
          <Form.Item
            name="reason"
            label={t('tips.handle.reason')}
            rules={[{ required: true, whitespace: true, message: t('tips.handle.needsReason') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {status === 'duplicate' && (
          <Form.Item
            name="duplicate_of"
            label={t('tips.handle.duplicateOf')}
            rules={[{ required: true, message: t('tips.handle.needsDuplicate') }]}
          >
            <Select
              placeholder={t('tips.handle.duplicatePlaceholder')}
              options={tip.suggestions.map((s) => ({
                value: String(s.id),
                label: `${formatTrackingCode(s.tracking_code)} — ${s.excerpt.slice(0, 60)}`,
              }))}
            />
          </Form.Item>
        )}
        {missing
          .filter((m) => m === 'outcome' || m === 'assignee')
          .map((m) => (
            <Alert key={m} type="info" showIcon message={needText[m]} className="antq-block-sm" />
          ))}
        <Button type="primary" htmlType="submit" loading={patch.isPending} disabled={missing.includes('outcome')} data-testid="handle-save">
          {t('tips.handle.save')}
        </Button>
      </Form>
    </Card>
  );
}
