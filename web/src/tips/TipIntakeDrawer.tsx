import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createTip, type CreatedTip, type NewStaffTip } from './api';
import { fieldOf, showFieldError } from '../components/forms';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, formatTrackingCode, textLength, vnLocalToIso } from '../lib/tips';
import { STAFF_CHANNELS } from './workflow';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { useTipCategories } from './TipBits';
import UnitField from '../components/form/UnitField';
import FormDrawer from '../components/FormDrawer';
import CreatedTipModal from './CreatedTipModal';
import ReporterFields from './ReporterFields';
import { useFeedback } from '../components/feedback';

const { Paragraph } = Typography;

interface Values {
  unit: string | null;
  category: string;
  channel: string;
  description: string;
  occurred_at: Dayjs | null;
  place: string;
  name: string;
  phone: string;
  email: string;
  address: string;
}

const FIELDS = ['unit', 'category', 'channel', 'description', 'occurred_at', 'place', 'name', 'phone', 'email', 'address'] as const;
const ALIASES = {
  'reporter.name': 'name',
  'reporter.phone': 'phone',
  'reporter.email': 'email',
  'reporter.address': 'address',
  reporter: 'name',
};

/** The form's values as the API takes them: trimmed, empty fields left out. */
function toNewTip(v: Values): NewStaffTip {
  const body: NewStaffTip = {
    unit: v.unit ?? '',
    category: v.category,
    channel: v.channel,
    description: v.description.trim(),
  };
  // the picker shows the officer's wall clock: read it as Vietnam time
  const occurred = v.occurred_at ? vnLocalToIso(v.occurred_at.format('YYYY-MM-DDTHH:mm')) : null;
  if (occurred) body.occurred_at = occurred;
  if (v.place?.trim()) body.place = v.place.trim();
  const reporter: NonNullable<NewStaffTip['reporter']> = {};
  for (const k of ['name', 'phone', 'email', 'address'] as const) if (v[k]?.trim()) reporter[k] = v[k].trim();
  if (Object.keys(reporter).length) body.reporter = reporter;
  return body;
}

/** "Nhập tin báo": a tip received in person, by phone, on the hotline or by chat. */
export default function TipIntakeDrawer({
  open,
  defaultUnit,
  onClose,
}: {
  open: boolean;
  defaultUnit: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { categories, label } = useTipCategories();
  const [created, setCreated] = useState<CreatedTip | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ unit: defaultUnit, channel: 'in_person' });
    }
  }, [open, defaultUnit, form]);

  const save = useMutation({
    mutationFn: (v: Values) => createTip(toNewTip(v)),
    onSuccess: async (tip) => {
      void message.success(t('tips.intake.created', { code: formatTrackingCode(tip.tracking_code) }));
      await queryClient.invalidateQueries({ queryKey: ['staff', 'tips', 'list'] });
      onClose();
      if (tip.secret) setCreated(tip);
      else void navigate(`/tin-bao/${encodeURIComponent(String(tip.id))}`);
    },
    onError: (e) => {
      showFieldError(form, e, FIELDS, ALIASES);
    },
  });
  const resetSave = save.reset;
  useEffect(() => {
    if (!open) resetSave();
  }, [open, resetSave]);

  const otherError = save.error && !fieldOf(save.error, FIELDS, ALIASES) ? save.error : null;

  return (
    <>
      <FormDrawer
        title={t('tips.intake.title')}
        open={open}
        onClose={onClose}
        width={560}
        testId="tip-intake"
        save={{ label: t('tips.intake.save'), loading: save.isPending, onClick: () => form.submit(), testId: 'tip-intake-save' }}
      >
        <Paragraph type="secondary">{t('tips.intake.intro')}</Paragraph>
        {otherError && (
          <div className="antq-block-sm">
            <ApiErrorAlert error={otherError} />
          </div>
        )}
        <Form<Values> form={form} layout="vertical" requiredMark="optional" onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
          <Form.Item
            name="unit"
            label={t('tips.intake.unit')}
            extra={t('tips.intake.unitHint')}
            rules={[{ required: true, message: t('tips.intake.unitRequired') }]}
          >
            <UnitField />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('tips.intake.category')}
            rules={[{ required: true, message: t('tips.intake.categoryRequired') }]}
          >
            <Select options={categories.map((c) => ({ value: c.code, label: label(c.code) }))} data-testid="intake-category" />
          </Form.Item>
          <Form.Item name="channel" label={t('tips.intake.channel')} rules={[{ required: true }]}>
            <Select options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`tips.channel.${c}`) }))} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('tips.intake.description')}
            rules={[
              {
                validator: (_, v: string | undefined) => {
                  const n = textLength(v ?? '');
                  return n >= DESCRIPTION_MIN && n <= DESCRIPTION_MAX
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('tips.intake.descriptionShort', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX })));
                },
              },
            ]}
            required
          >
            <Input.TextArea rows={5} showCount maxLength={DESCRIPTION_MAX} data-testid="intake-description" />
          </Form.Item>
          <Form.Item name="occurred_at" label={t('tips.intake.occurredAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label={t('tips.intake.place')}>
            <Input maxLength={500} />
          </Form.Item>
          <ReporterFields />
        </Form>
      </FormDrawer>

      <CreatedTipModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}
