/** Starting a new evaluation of a unit for a year, with the criteria set it is judged by. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, type ButtonProps, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import UnitField from '../components/form/UnitField';
import { useAuth } from '../accounts/auth';
import { yearVN } from '../registers/payload';
import { createEvaluation, evaluationKeys, listCriteriaSets } from './api';
import { evaluationPath } from './paths';

const { Paragraph } = Typography;

export default function CreateDialog({
  open,
  initial,
  onClose,
}: {
  open: boolean;
  initial: { unit?: string; year?: number };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ unit?: string | null; year?: number; criteria_set?: string }>();
  const sets = useQuery({
    queryKey: evaluationKeys.criteria({}),
    queryFn: ({ signal }) => listCriteriaSets({}, signal),
    enabled: open,
    staleTime: 5 * 60_000,
  });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ unit: initial.unit ?? user?.unit?.code ?? null, year: initial.year ?? yearVN(), criteria_set: undefined });
  }, [open, initial.unit, initial.year, user, form]);
  const create = useMutation({
    mutationFn: (v: { unit?: string | null; year?: number; criteria_set?: string }) =>
      createEvaluation({ unit: v.unit!, year: v.year!, ...(v.criteria_set ? { criteria_set: v.criteria_set } : {}) }),
    onSuccess: async (ev) => {
      await queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
      onClose();
      navigate(evaluationPath(ev.id));
    },
  });
  useEffect(() => create.reset(), [open]); // eslint-disable-line react-hooks/exhaustive-deps
  const optional = (sets.data?.items ?? []).filter((s) => s.optional);
  return (
    <Modal
      open={open}
      title={t('evaluations.create.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('evaluations.create.submit')}
      okButtonProps={{ 'data-testid': 'evaluation-create-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="evaluation-create"
    >
      <Paragraph type="secondary">{t('evaluations.create.hint')}</Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} requiredMark="optional">
        {create.isError &&
          (create.error instanceof ApiError && create.error.status === 409 ? (
            <Alert type="warning" showIcon message={create.error.message} className="antq-block-sm" />
          ) : (
            <ApiErrorAlert error={create.error} />
          ))}
        <Form.Item
          name="unit"
          label={t('evaluations.create.unit')}
          extra={t('evaluations.create.unitHint')}
          rules={[{ required: true, message: t('registers.form.requiredChoose', { label: t('evaluations.create.unit') }) }]}
        >
          <UnitField />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('evaluations.list.year')}
          rules={[{ required: true, message: t('registers.form.required', { label: t('evaluations.list.year') }) }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} data-testid="create-year" />
        </Form.Item>
        <Form.Item name="criteria_set" label={t('evaluations.create.set')} extra={t('evaluations.create.setHint')}>
          <Select
            allowClear
            placeholder={t('evaluations.create.setDefault')}
            loading={sets.isPending}
            options={optional.map((s) => ({ value: s.code, label: `${s.title} (v${s.version})` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
