/**
 * What an administrator does to a village or establishment below their unit: rename it (and its
 * kind), merge it into a sibling (its units and records follow) or retire it.
 */
import { DeleteOutlined, EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, listUnits, queryKeys, type UnitDetail } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import FormModal from '../components/FormModal';
import { showFieldError } from '../components/forms';
import { subkindLabel } from '../lib/units';
import { mergeUnit, renameUnit, retireUnit } from './api';
import { ESTABLISHMENT_TYPES, VILLAGE_TYPES } from './manage';
import { useFeedback } from '../components/feedback';

const { Paragraph } = Typography;

type Action = 'rename' | 'merge' | 'retire' | null;

export default function UnitActions({ unit, onMoved }: { unit: UnitDetail; onMoved: (code: string | null) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action>(null);
  return (
    <div className="antq-block-sm" data-testid="unit-manage">
      <Space wrap>
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setAction('rename')} data-testid="unit-rename">
          {t('units.manage.rename')}
        </Button>
        <Button icon={<MergeCellsOutlined aria-hidden />} onClick={() => setAction('merge')} data-testid="unit-merge">
          {t('units.manage.merge')}
        </Button>
        <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => setAction('retire')} data-testid="unit-retire">
          {t('units.manage.retire')}
        </Button>
      </Space>
      {action === 'rename' && <RenameModal unit={unit} onClose={() => setAction(null)} />}
      {action === 'merge' && <MergeModal unit={unit} onClose={() => setAction(null)} onMoved={onMoved} />}
      {action === 'retire' && <RetireModal unit={unit} onClose={() => setAction(null)} onMoved={onMoved} />}
    </div>
  );
}

function parentOf(unit: UnitDetail) {
  return unit.ancestors[unit.ancestors.length - 1] ?? null;
}

/**
 * Unit lists and details are stale after a change. `moved`: the page is leaving a unit that no
 * longer exists (merged, retired): nothing is fetched again now (its children and poster would
 * answer 404); the page it goes to fetches what it shows, being stale.
 */
function useUnitsChanged() {
  const queryClient = useQueryClient();
  return (moved = false) => queryClient.invalidateQueries({ queryKey: ['units'], refetchType: moved ? 'none' : 'active' });
}

function RenameModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const changed = useUnitsChanged();
  const [form] = Form.useForm<{ name: string; subkind?: string }>();
  const establishment = unit.kind === 'establishment';
  const types: string[] = establishment ? [...ESTABLISHMENT_TYPES] : [...VILLAGE_TYPES];
  if (unit.subkind && !types.includes(unit.subkind)) types.push(unit.subkind);
  const save = useMutation({
    mutationFn: (v: { name: string; subkind?: string }) => {
      const body: { name?: string; subkind?: string } = {};
      if (v.name.trim() !== unit.full_name) body.name = v.name.trim();
      if (v.subkind && v.subkind !== unit.subkind) body.subkind = v.subkind;
      return Object.keys(body).length ? renameUnit(unit.code, body) : Promise.resolve(unit);
    },
    onSuccess: (u) => {
      void changed();
      message.success(t('units.manage.renamed', { name: u.full_name }));
      onClose();
    },
    onError: (e) => showFieldError(form, e, ['name', 'subkind']),
  });
  const fieldError = save.error instanceof ApiError && ['name', 'subkind'].includes(save.error.field ?? '');
  return (
    <FormModal
      open
      title={t('units.manage.renameTitle', { name: unit.full_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('units.manage.save')}
      okTestId="unit-rename-save"
      saving={save.isPending}
      error={fieldError ? null : save.error}
      testId="unit-rename-modal"
    >
      <Form
        form={form}
        name="unit_rename"
        layout="vertical"
        initialValues={{ name: unit.full_name, subkind: unit.subkind || undefined }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="name"
          label={t('units.manage.name')}
          rules={[{ required: true, whitespace: true, message: t('units.manage.nameRequired') }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="subkind" label={t(establishment ? 'units.manage.establishmentType' : 'units.manage.type')}>
          <Select options={types.map((v) => ({ value: v, label: establishment ? subkindLabel(t, v) : v }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function MergeModal({ unit, onClose, onMoved }: { unit: UnitDetail; onClose: () => void; onMoved: (code: string | null) => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const changed = useUnitsChanged();
  const [form] = Form.useForm<{ into: string }>();
  const parent = parentOf(unit);
  // the siblings: the same parent, the same kind, still active
  const siblings = useQuery({
    queryKey: queryKeys.unitChildren(parent?.code ?? null),
    queryFn: ({ signal }) => listUnits(parent?.code, signal),
    enabled: !!parent,
    staleTime: 60_000,
  });
  const options = (siblings.data?.items ?? [])
    .filter((u) => u.code !== unit.code && u.kind === unit.kind && u.active !== false)
    .map((u) => ({ value: u.code, label: u.full_name }));
  const merge = useMutation({
    mutationFn: (v: { into: string }) => mergeUnit(unit.code, v.into),
    onSuccess: (res) => {
      message.success(t('units.manage.merged', { name: unit.full_name, into: res.successor?.full_name ?? '' }));
      onClose();
      onMoved(res.successor?.code ?? parent?.code ?? null);
      void changed(true);
    },
    onError: (e) => showFieldError(form, e, ['into']),
  });
  const fieldError = merge.error instanceof ApiError && merge.error.field === 'into';
  return (
    <FormModal
      open
      title={t('units.manage.mergeTitle', { name: unit.full_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('units.manage.mergeConfirm')}
      okTestId="unit-merge-save"
      okDisabled={siblings.isSuccess && options.length === 0}
      saving={merge.isPending}
      testId="unit-merge-modal"
    >
      <Paragraph>{t('units.manage.mergeHint', { name: unit.full_name })}</Paragraph>
      {siblings.isError && <ApiErrorAlert error={siblings.error} onRetry={() => void siblings.refetch()} />}
      {siblings.isSuccess && options.length === 0 && (
        <Alert type="info" showIcon className="antq-block-sm" message={t('units.manage.mergeNone', { parent: parent?.full_name ?? '' })} />
      )}
      {merge.error && !fieldError && <ApiErrorAlert error={merge.error} />}
      <Form form={form} name="unit_merge" layout="vertical" onFinish={(v) => merge.mutate(v)}>
        <Form.Item name="into" label={t('units.manage.mergeInto')} rules={[{ required: true, message: t('units.manage.mergeRequired') }]}>
          <Select
            data-testid="unit-merge-into"
            loading={siblings.isPending}
            options={options}
            placeholder={t('units.manage.mergeIntoPlaceholder')}
            showSearch
            optionFilterProp="label"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function RetireModal({ unit, onClose, onMoved }: { unit: UnitDetail; onClose: () => void; onMoved: (code: string | null) => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const changed = useUnitsChanged();
  const parent = parentOf(unit);
  const retire = useMutation({
    mutationFn: () => retireUnit(unit.code),
    onSuccess: () => {
      message.success(t('units.manage.retired', { name: unit.full_name }));
      onClose();
      onMoved(parent?.code ?? null);
      void changed(true);
    },
  });
  return (
    <Modal
      open
      title={t('units.manage.retireTitle', { name: unit.full_name })}
      onCancel={onClose}
      onOk={() => retire.mutate()}
      okText={t('units.manage.retireConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'unit-retire-save' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={retire.isPending}
      destroyOnHidden
      data-testid="unit-retire-modal"
    >
      <Paragraph>{t('units.manage.retireHint', { parent: parent?.full_name ?? '' })}</Paragraph>
      {retire.error && <ApiErrorAlert error={retire.error} />}
    </Modal>
  );
}
