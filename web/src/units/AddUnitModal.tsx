/** "Thêm thôn, tổ dân phố, cơ sở": a village (its kind in words) or an establishment (its type) under a unit. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type UnitDetail } from '../api';
import FormModal from '../components/FormModal';
import { showFieldError } from '../components/forms';
import { subkindLabel } from '../lib/units';
import { createUnit, type CreateUnitBody } from './api';
import { ESTABLISHMENT_TYPES, VILLAGE_TYPES } from './manage';
import { useFeedback } from '../components/feedback';

const ESTABLISHMENT = 'establishment';

interface Values {
  /** one of VILLAGE_TYPES, or ESTABLISHMENT */
  type: string;
  establishment_type?: string;
  name: string;
  code?: string;
}

export default function AddUnitModal({
  parent,
  open,
  onClose,
  onCreated,
}: {
  parent: UnitDetail;
  open: boolean;
  onClose: () => void;
  onCreated: (unit: UnitDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);

  const create = useMutation({
    mutationFn: (v: Values) => {
      const body: CreateUnitBody = {
        parent: parent.code,
        name: v.name.trim(),
        kind: v.type === ESTABLISHMENT ? 'establishment' : 'village',
      };
      body.subkind = v.type === ESTABLISHMENT ? v.establishment_type : v.type;
      if (v.code?.trim()) body.code = v.code.trim();
      return createUnit(body);
    },
    onSuccess: (unit) => {
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      message.success(t('units.manage.added', { name: unit.full_name }));
      onCreated(unit);
    },
    onError: (e) => {
      showFieldError(form, e, ['name', 'code', 'type', 'establishment_type'], {
        kind: 'type',
        subkind: form.getFieldValue('type') === ESTABLISHMENT ? 'establishment_type' : 'type',
      });
    },
  });
  const fieldError = create.error instanceof ApiError && ['name', 'code', 'kind', 'subkind'].includes(create.error.field ?? '');

  return (
    <FormModal
      open={open}
      title={t('units.manage.addTitle', { parent: parent.full_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('units.manage.add')}
      okTestId="unit-add-save"
      saving={create.isPending}
      error={fieldError ? null : create.error}
      testId="unit-add-modal"
    >
      <Form<Values>
        form={form}
        name="unit_add"
        layout="vertical"
        initialValues={{ type: parent.kind === 'commune' ? VILLAGE_TYPES[0] : ESTABLISHMENT }}
        onFinish={(v) => create.mutate(v)}
        preserve={false}
      >
        <Form.Item name="type" label={t('units.manage.type')} rules={[{ required: true, message: t('units.manage.typeRequired') }]}>
          <Select
            data-testid="unit-add-type"
            options={[
              ...VILLAGE_TYPES.map((v) => ({ value: v, label: v })),
              { value: ESTABLISHMENT, label: t('units.manage.typeEstablishment') },
            ]}
          />
        </Form.Item>
        {type === ESTABLISHMENT && (
          <Form.Item
            name="establishment_type"
            label={t('units.manage.establishmentType')}
            rules={[{ required: true, message: t('units.manage.establishmentTypeRequired') }]}
          >
            <Select
              data-testid="unit-add-establishment-type"
              options={ESTABLISHMENT_TYPES.map((v) => ({ value: v, label: subkindLabel(t, v) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('units.manage.name')}
          rules={[{ required: true, whitespace: true, message: t('units.manage.nameRequired') }]}
        >
          <Input
            maxLength={200}
            placeholder={t(type === ESTABLISHMENT ? 'units.manage.namePlaceholderEstablishment' : 'units.manage.namePlaceholder')}
            autoComplete="off"
          />
        </Form.Item>
        <Form.Item name="code" label={t('units.manage.code')} extra={t('units.manage.codeHint', { example: `${parent.code}-NNN` })}>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
