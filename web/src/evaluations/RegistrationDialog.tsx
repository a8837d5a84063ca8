/** Adding or changing a registration: the unit, the year, the day, the households. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import UnitField from '../components/form/UnitField';
import CountInput from '../components/form/CountInput';
import DateInput from '../components/form/DateInput';
import { dayOf, todayVN } from '../registers/payload';
import { createRegistration, evaluationKeys, updateRegistration, type Registration } from './api';
import { useFeedback } from '../components/feedback';

interface RegistrationValues {
  unit?: string | null;
  year?: number;
  registered_on?: Dayjs | null;
  households_total?: number | null;
  households_registered?: number | null;
}

export default function RegistrationDialog({
  editing,
  defaults,
  onClose,
}: {
  editing: Registration | 'new' | null;
  defaults: { unit: string | null; year: number };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegistrationValues>();
  const existing = editing && editing !== 'new' ? editing : null;
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(
      existing
        ? {
            unit: typeof existing.unit === 'string' ? existing.unit : existing.unit.code,
            year: existing.year,
            registered_on: dayOf(existing.registered_on),
            households_total: existing.households_total,
            households_registered: existing.households_registered,
          }
        : { unit: defaults.unit, year: defaults.year, registered_on: dayOf(todayVN()) },
    );
  }, [editing, existing, defaults.unit, defaults.year, form]);
  const save = useMutation({
    mutationFn: (v: RegistrationValues) => {
      const body = {
        unit: v.unit!,
        year: v.year!,
        registered_on: v.registered_on!.format('YYYY-MM-DD'),
        ...(v.households_total !== null && v.households_total !== undefined ? { households_total: v.households_total } : {}),
        ...(v.households_registered !== null && v.households_registered !== undefined
          ? { households_registered: v.households_registered }
          : {}),
      };
      if (existing) {
        const { unit: _unit, year: _year, ...rest } = body;
        return updateRegistration(existing.id, rest);
      }
      return createRegistration(body);
    },
    onSuccess: async () => {
      void message.success(t('evaluations.registrations.saved'));
      await queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
      onClose();
    },
  });
  useEffect(() => save.reset(), [editing]); // eslint-disable-line react-hooks/exhaustive-deps
  const required = (label: string, choose = false) => ({
    required: true,
    message: t(choose ? 'registers.form.requiredChoose' : 'registers.form.required', { label }),
  });
  return (
    <Modal
      open={!!editing}
      title={existing ? t('evaluations.registrations.editTitle') : t('evaluations.registrations.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      data-testid="registration-dialog"
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional">
        {save.isError && <ApiErrorAlert error={save.error} />}
        <Form.Item name="unit" label={t('evaluations.list.unit')} rules={[required(t('evaluations.list.unit'), true)]}>
          <UnitField disabled={!!existing} />
        </Form.Item>
        <Form.Item name="year" label={t('evaluations.list.year')} rules={[required(t('evaluations.list.year'))]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} disabled={!!existing} />
        </Form.Item>
        <Form.Item
          name="registered_on"
          label={t('evaluations.registrations.registeredOn')}
          rules={[required(t('evaluations.registrations.registeredOn'), true)]}
        >
          <DateInput noFuture />
        </Form.Item>
        <div className="antq-eval-two">
          <Form.Item name="households_total" label={t('evaluations.registrations.total')} extra={t('evaluations.registrations.totalHint')}>
            <CountInput aria-label={t('evaluations.registrations.total')} />
          </Form.Item>
          <Form.Item
            name="households_registered"
            label={t('evaluations.registrations.registered')}
            dependencies={['households_total']}
            rules={[
              ({ getFieldValue }) => ({
                validator(_, v: number | null | undefined) {
                  const total = getFieldValue('households_total') as number | null | undefined;
                  if (v === null || v === undefined || total === null || total === undefined || v <= total) return Promise.resolve();
                  return Promise.reject(new Error(t('evaluations.registrations.tooMany')));
                },
              }),
            ]}
          >
            <CountInput aria-label={t('evaluations.registrations.registered')} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
