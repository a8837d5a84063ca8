/**
 * A record of a register in a drawer: a new one, or an existing one to read, edit or delete;
 * below the form what is particular to the register (a model's replications, a group's members).
 */
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Drawer, Form, Popconfirm, Skeleton, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { hasPermission, useAuth } from '../accounts/auth';
import { formatDateTime } from '../lib/format';
import { createRecord, deleteRecord, getRecord, registerKeys, updateRecord, type RegisterRecord } from './api';
import { recordTitle, useLabel } from './bits';
import { formFieldNames, pick, type RegisterConfig } from './config';
import GroupMembers from './GroupMembers';
import ModelReplications from './ModelReplications';
import { formToPayload, newFormValues, readableMessage, recordFormValues, type FormValues } from './payload';
import { PhotoInput, RecordPhotos, uploadAll } from './Photos';
import RegisterForm from './RegisterForm';
import { SealedIdentity, SessionsPanel, StatusPanel } from './Reintegration';
import { useBreakpoint } from '../components/useBreakpoint';

/** The drawer: closed, a new record, or the record with this id. */
export type DrawerState = null | { mode: 'create' } | { mode: 'edit'; id: string };

interface Props {
  cfg: RegisterConfig;
  state: DrawerState;
  defaultUnit: string | null;
  onClose: () => void;
  /** After a create: the drawer goes on with the new record (to replicate a model, add members). */
  onCreated: (record: RegisterRecord) => void;
}

export default function RecordDrawer({ cfg, state, defaultUnit, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const screens = useBreakpoint();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const open = state !== null;
  const id = state?.mode === 'edit' ? state.id : null;
  const canWrite = hasPermission(user, cfg.writePermission);
  const fields = useMemo(() => formFieldNames(cfg), [cfg]);
  // reintegration: the record, its status and its sessions in tabs; the footer saves the record
  const [tab, setTab] = useState('record');
  const which = state === null ? null : state.mode === 'create' ? 'new' : state.id;
  useEffect(() => setTab('record'), [which]);

  const record = useQuery({
    queryKey: registerKeys.record(cfg.name, id ?? ''),
    queryFn: ({ signal }) => getRecord(cfg.name, id!, signal),
    enabled: id !== null,
    staleTime: 0,
  });

  const initialValues = useMemo(() => {
    if (id === null) return newFormValues(cfg, { unit: defaultUnit ?? user?.unit?.code ?? null });
    return record.data ? recordFormValues(cfg, record.data) : undefined;
  }, [cfg, id, record.data, defaultUnit, user]);

  // fill the form when the drawer opens or the record arrives
  useEffect(() => {
    if (!open || !initialValues) return;
    form.resetFields();
    form.setFieldsValue(initialValues as never);
  }, [open, initialValues, form]);

  const invalidateLists = () => queryClient.invalidateQueries({ queryKey: registerKeys.all(cfg.name) });

  const save = useMutation({
    mutationFn: async (values: FormValues) => {
      const body = formToPayload(cfg, values, id !== null ? record.data : undefined);
      if (body === null) return null;
      if (id !== null) return updateRecord(cfg.name, id, body);
      const created = await createRecord(cfg.name, body);
      // the photos chosen in the form go up once the record exists
      const photos = Array.isArray(values.photos) ? (values.photos as File[]) : [];
      if (cfg.attachments && photos.length) {
        const { failed, error } = await uploadAll(cfg, created.id, photos);
        if (failed)
          void message.error(
            t('registers.photos.someFailed', { n: failed, total: photos.length, error: error instanceof Error ? error.message : '' }),
          );
        else void message.success(t('registers.photos.uploaded', { n: photos.length }));
      }
      return created;
    },
    onSuccess: async (saved) => {
      if (!saved) {
        void message.info(t('registers.form.noChanges'));
        return;
      }
      queryClient.setQueryData(registerKeys.record(cfg.name, saved.id), saved);
      await invalidateLists();
      if (id === null) {
        void message.success(t('registers.form.created', { item: label(cfg.item) }));
        onCreated(saved);
      } else {
        void message.success(t('registers.form.saved'));
        form.setFieldsValue(recordFormValues(cfg, saved) as never);
      }
    },
    onError: (e) => {
      // the server's message (Vietnamese) under the field it names, with the field's label
      if (e instanceof ApiError && e.field && fields.includes(e.field)) {
        form.setFields([{ name: e.field, errors: [readableMessage(cfg, e.message, (f) => pick(f.label, 'vi'))] }]);
        form.scrollToField(e.field, { block: 'center' });
      }
    },
  });

  const remove = useMutation({
    mutationFn: () => deleteRecord(cfg.name, id!),
    onSuccess: async () => {
      void message.success(t('registers.form.deleted'));
      queryClient.removeQueries({ queryKey: registerKeys.record(cfg.name, id!) });
      await invalidateLists();
      onClose();
    },
  });

  const resetSave = save.reset;
  const resetRemove = remove.reset;
  useEffect(() => {
    resetSave();
    resetRemove();
  }, [state, resetSave, resetRemove]);

  const otherError =
    save.error && !(save.error instanceof ApiError && save.error.field && fields.includes(save.error.field)) ? save.error : remove.error;
  const title =
    id === null
      ? t('registers.form.createTitle', { item: label(cfg.item) })
      : record.data
        ? recordTitle(cfg, record.data)
        : t('registers.form.loading');

  const recordPane = (
    <>
      {!canWrite && (
        <Typography.Paragraph type="secondary" data-testid="read-only">
          {t('registers.form.readOnly')}
        </Typography.Paragraph>
      )}
      {record.data && cfg.name === 'reintegration' && <SealedIdentity record={record.data} />}
      <RegisterForm
        cfg={cfg}
        form={form}
        record={id !== null ? record.data : null}
        initialValues={initialValues}
        disabled={!canWrite || save.isPending}
        onFinish={(v) => save.mutate(v)}
        footer={
          cfg.attachments && id === null && canWrite ? (
            <Form.Item name="photos" label={t('registers.photos.title')} data-testid="field-photos">
              <PhotoInput />
            </Form.Item>
          ) : undefined
        }
        header={
          otherError ? (
            <div className="antq-block-sm">
              <ApiErrorAlert error={otherError} />
            </div>
          ) : undefined
        }
      />
      {record.data && (
        <Typography.Paragraph type="secondary" className="antq-reg-meta">
          {t('registers.form.enteredBy', {
            user: record.data.created_by ?? '',
            at: formatDateTime(record.data.created_at ?? ''),
          })}
          {record.data.updated_at && record.data.updated_at !== record.data.created_at
            ? ` · ${t('registers.form.updatedAt', { at: formatDateTime(record.data.updated_at) })}`
            : ''}
        </Typography.Paragraph>
      )}
      {record.data && cfg.attachments && <RecordPhotos cfg={cfg} recordId={record.data.id} canWrite={canWrite} />}
      {record.data && cfg.name === 'models' && <ModelReplications model={record.data} canWrite={canWrite} />}
      {record.data && cfg.name === 'groups' && <GroupMembers group={record.data} canWrite={canWrite} />}
    </>
  );

  return (
    <Drawer
      title={<span className="antq-reg-drawer-title">{title}</span>}
      open={open}
      onClose={onClose}
      width={screens.md ? 640 : '100%'}
      destroyOnHidden
      data-testid="record-drawer"
      footer={
        canWrite && tab === 'record' ? (
          <div className="antq-reg-actions">
            {id !== null && record.data && (
              <Popconfirm
                title={t('registers.form.deleteConfirm')}
                description={t('registers.form.deleteHint')}
                okText={t('registers.form.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, 'data-testid': 'record-delete-ok' } as ButtonProps}
                onConfirm={() => remove.mutate()}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="record-delete">
                  {t('registers.form.delete')}
                </Button>
              </Popconfirm>
            )}
            <span className="antq-reg-actions__spacer" />
            <Button onClick={onClose}>{id === null ? t('common.cancel') : t('common.close')}</Button>
            <Button
              type="primary"
              loading={save.isPending}
              disabled={id !== null && !record.data}
              onClick={() => form.submit()}
              data-testid="record-save"
            >
              {id === null ? t('registers.form.create') : t('common.save')}
            </Button>
          </div>
        ) : (
          <div className="antq-reg-actions">
            <span className="antq-reg-actions__spacer" />
            <Button onClick={onClose}>{t('common.close')}</Button>
          </div>
        )
      }
    >
      {id !== null && record.isPending && <Skeleton active />}
      {id !== null && record.isError && <ApiErrorAlert error={record.error} onRetry={() => void record.refetch()} />}
      {(id === null || record.data) &&
        (cfg.name === 'reintegration' && record.data ? (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            data-testid="record-tabs"
            items={[
              { key: 'record', label: t('registers.reintegration.tabRecord'), children: recordPane },
              {
                key: 'status',
                label: t('registers.reintegration.tabStatus'),
                children: <StatusPanel record={record.data} canWrite={canWrite} />,
              },
              {
                key: 'sessions',
                label: t('registers.reintegration.tabSessions'),
                children: <SessionsPanel record={record.data} canWrite={canWrite} />,
              },
            ]}
          />
        ) : (
          recordPane
        ))}
    </Drawer>
  );
}
