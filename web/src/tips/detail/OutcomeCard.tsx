import { Button, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TipDetail as Tip, type TipOutcome, type TipPatch } from '../api';
import { formatNumber } from '../../lib/format';
import { TIP_DECISIONS, isForwardMove } from '../workflow';
import { usePatch } from './usePatch';
import { useFeedback } from '../../components/feedback';
import Card from '../../components/Card';

const { Text } = Typography;

type OutcomeValues = Required<Pick<TipOutcome, 'cases_solved' | 'suspects_arrested' | 'wanted_caught'>> & {
  /** No default: the officer says whether the tip had grounds ("có cơ sở"). */
  valid?: boolean;
  transferred_to?: string;
  decision?: string;
  public_note?: string;
};

export default function Outcome({ tip, canWrite }: { tip: Tip; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const patch = usePatch(tip);
  const [form] = Form.useForm<OutcomeValues>();
  const [resolveToo, setResolveToo] = useState(false);

  useEffect(() => {
    const o = tip.outcome;
    form.setFieldsValue({
      valid: o ? o.valid : undefined,
      cases_solved: o?.cases_solved ?? 0,
      suspects_arrested: o?.suspects_arrested ?? 0,
      wanted_caught: o?.wanted_caught ?? 0,
      transferred_to: o?.transferred_to ?? '',
      decision: o?.decision ?? undefined,
      public_note: o?.public_note ?? '',
    });
  }, [tip.outcome, form]);

  const submit = (v: OutcomeValues) => {
    const outcome: TipOutcome = {
      valid: v.valid === true,
      cases_solved: v.cases_solved ?? 0,
      suspects_arrested: v.suspects_arrested ?? 0,
      wanted_caught: v.wanted_caught ?? 0,
    };
    if (v.transferred_to?.trim()) outcome.transferred_to = v.transferred_to.trim();
    if (v.decision) outcome.decision = v.decision;
    if (v.public_note?.trim()) outcome.public_note = v.public_note.trim();
    const body: TipPatch = { outcome };
    if (resolveToo) body.status = 'resolved';
    patch.mutate(body, { onSuccess: () => void message.success(t('tips.outcome.saved')) });
  };

  // a tip not taken up, or merged into another, has no outcome of its own to record
  if (!canWrite || tip.status === 'rejected' || tip.status === 'duplicate') {
    return <OutcomeView outcome={tip.outcome} />;
  }

  return (
    <Card title={t('tips.outcome.title')} size="small" data-testid="tip-outcome">
      <Form form={form} layout="vertical" onFinish={submit} disabled={patch.isPending}>
        <Form.Item name="valid" label={t('tips.outcome.valid')} rules={[{ required: true, message: t('tips.outcome.validRequired') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('tips.outcome.yes') },
              { value: false, label: t('tips.outcome.no') },
            ]}
            data-testid="outcome-valid"
          />
        </Form.Item>
        <OutcomeCounts />
        <Form.Item name="decision" label={t('tips.outcome.decision')}>
          <Select
            allowClear
            placeholder={t('tips.outcome.decisionPlaceholder')}
            options={TIP_DECISIONS.map((d) => ({ value: d, label: t(`tips.decision.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="transferred_to" label={t('tips.outcome.transferredTo')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="public_note" label={t('tips.outcome.publicNote')} extra={t('tips.outcome.publicNoteHint')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Space wrap>
          <Button htmlType="submit" onClick={() => setResolveToo(false)} loading={patch.isPending && !resolveToo}>
            {t('tips.outcome.save')}
          </Button>
          {isForwardMove(tip.status, 'resolved') && (
            <Button
              type="primary"
              htmlType="submit"
              onClick={() => setResolveToo(true)}
              loading={patch.isPending && resolveToo}
              data-testid="outcome-resolve"
            >
              {t('tips.outcome.saveResolve')}
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}

/** The outcome as it stands, for a reader (or a tip that has none of its own to record). */
function OutcomeView({ outcome: o }: { outcome: Tip['outcome'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('tips.outcome.title')} size="small">
      {o ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'valid', label: t('tips.outcome.valid'), children: o.valid ? t('tips.outcome.yes') : t('tips.outcome.no') },
            { key: 'cases', label: t('tips.outcome.casesSolved'), children: formatNumber(o.cases_solved) },
            { key: 'arrested', label: t('tips.outcome.suspectsArrested'), children: formatNumber(o.suspects_arrested) },
            { key: 'wanted', label: t('tips.outcome.wantedCaught'), children: formatNumber(o.wanted_caught) },
          ]}
        />
      ) : (
        <Text type="secondary">{t('tips.outcome.none')}</Text>
      )}
    </Card>
  );
}

const COUNTS = [
  { name: 'cases_solved', label: 'tips.outcome.casesSolved' },
  { name: 'suspects_arrested', label: 'tips.outcome.suspectsArrested' },
  { name: 'wanted_caught', label: 'tips.outcome.wantedCaught' },
] as const;

/** The three counts of the outcome's form, side by side. */
function OutcomeCounts() {
  const { t } = useTranslation();
  return (
    <Row gutter={8}>
      {COUNTS.map((c) => (
        <Col span={8} key={c.name}>
          <Form.Item name={c.name} label={t(c.label)}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
