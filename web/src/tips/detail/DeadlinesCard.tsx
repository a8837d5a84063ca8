import { Button, DatePicker, Descriptions, Form, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TipDetail as Tip } from '../api';
import { DueDate } from '../TipBits';
import { formatDate, formatDateTime } from '../../lib/format';
import { isOpenStatus } from '../workflow';
import { usePatch } from './usePatch';
import { useFeedback } from '../../components/feedback';
import Card from '../../components/Card';

const { Title, Paragraph, Text } = Typography;

export default function Deadlines({ tip, canWrite }: { tip: Tip; canWrite: boolean }) {
  const { t } = useTranslation();
  // one mutation for the card: the extension form waits while a hand-over is being recorded, too
  const patch = usePatch(tip);
  const dl = tip.deadlines;
  const open = isOpenStatus(tip.status);

  return (
    <Card title={t('tips.deadlines.title')} size="small" data-testid="tip-deadlines">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'settle',
            label: t('tips.deadlines.settle'),
            children: open ? (
              <DueDate at={dl.settle_due_at} overdue={tip.overdue && !dl.pass_on_due_at} />
            ) : (
              <Text type="secondary">{t('tips.deadlines.closed')}</Text>
            ),
          },
          ...(dl.pass_on_due_at && !dl.passed_on_at
            ? [{ key: 'passOn', label: t('tips.deadlines.passOn'), children: <DueDate at={dl.pass_on_due_at} /> }]
            : []),
        ]}
      />
      {dl.passed_on_at && (!canWrite || !open) && (
        <Paragraph>{t('tips.deadlines.passedOn', { to: dl.passed_on_to ?? '', at: formatDateTime(dl.passed_on_at) })}</Paragraph>
      )}
      {dl.extensions.length > 0 && (
        <>
          <Text strong>{t('tips.deadlines.extensions')}</Text>
          <ul className="antq-plain-list">
            {dl.extensions.map((e, i) => (
              <li key={i}>{t('tips.deadlines.extension', { until: formatDate(e.until), reason: e.reason })}</li>
            ))}
          </ul>
        </>
      )}
      <Paragraph type="secondary" className="antq-hint-text">
        {t('tips.deadlines.rule')}
      </Paragraph>

      {canWrite && open && (
        <>
          <ExtendForm patch={patch} />
          <Transfer tip={tip} patch={patch} />
        </>
      )}
    </Card>
  );
}

type Patch = ReturnType<typeof usePatch>;

/** A longer deadline, with its reason (`extend` in the PATCH). */
function ExtendForm({ patch }: { patch: Patch }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [extendForm] = Form.useForm<{ until: Dayjs | null; reason: string }>();
  return (
    <>
      <Title level={5}>{t('tips.extend.title')}</Title>
      <Form
        form={extendForm}
        layout="vertical"
        disabled={patch.isPending}
        onFinish={(v) =>
          patch.mutate(
            { extend: { until: v.until!.format('YYYY-MM-DD'), reason: v.reason.trim() } },
            {
              onSuccess: () => {
                extendForm.resetFields();
                void message.success(t('tips.extend.saved'));
              },
            },
          )
        }
      >
        <Form.Item
          name="until"
          label={t('tips.extend.until')}
          rules={[{ required: true, message: t('tips.extend.untilRequired') }]}
          // checked when sent: the picker clears itself after a successful extension
          validateTrigger={false}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('tips.extend.reason')}
          rules={[{ required: true, whitespace: true, message: t('tips.extend.reasonRequired') }]}
          validateTrigger={false}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button htmlType="submit">{t('tips.extend.save')}</Button>
      </Form>
    </>
  );
}

/** The tip must go to another authority: marked as such, then recorded as passed on (to whom). */
function Transfer({ tip, patch }: { tip: Tip; patch: Patch }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [passedOnTo, setPassedOnTo] = useState('');
  const dl = tip.deadlines;
  const transferRequired = dl.transfer_required ?? !!dl.pass_on_due_at;
  return (
    <>
      <Title level={5} className="antq-block">
        {t('tips.transfer.title')}
      </Title>
      {dl.passed_on_at && (
        <Paragraph>{t('tips.deadlines.passedOn', { to: dl.passed_on_to ?? '', at: formatDateTime(dl.passed_on_at) })}</Paragraph>
      )}
      {!transferRequired && !dl.passed_on_at && (
        <>
          <Paragraph type="secondary">{t('tips.transfer.requiredHint')}</Paragraph>
          <Button
            onClick={() => patch.mutate({ transfer_required: true }, { onSuccess: () => void message.success(t('tips.transfer.marked')) })}
          >
            {t('tips.transfer.mark')}
          </Button>
        </>
      )}
      {(transferRequired || dl.passed_on_at) && !dl.passed_on_at && (
        <>
          <Paragraph>{t('tips.transfer.required')}</Paragraph>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={passedOnTo}
              onChange={(e) => setPassedOnTo(e.target.value)}
              placeholder={t('tips.transfer.passedOnToPlaceholder')}
              aria-label={t('tips.transfer.passedOnTo')}
              maxLength={300}
            />
            <Button
              disabled={!passedOnTo.trim()}
              onClick={() =>
                patch.mutate({ passed_on_to: passedOnTo.trim() }, { onSuccess: () => void message.success(t('tips.transfer.recorded')) })
              }
            >
              {t('tips.transfer.record')}
            </Button>
          </Space.Compact>
        </>
      )}
    </>
  );
}
