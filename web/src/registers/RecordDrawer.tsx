/**
 * A record of a register in a drawer: a new one, or an existing one to read, edit or delete;
 * below the form what is particular to the register (a model's replications, a group's members).
 */
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, type ButtonProps, Form, type FormInstance, Popconfirm, Skeleton, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import FormDrawer from '../components/FormDrawer';
import { fieldOf } from '../components/forms';
import { hasPermission, useAuth } from '../accounts/auth';
import { formatDateTime } from '../lib/format';
import { deleteRecord, getRecord, registerKeys, updateRecord, type RegisterRecord } from './api';
import { recordTitle, useLabel } from './bits';
import { formFieldNames, pick, type RegisterConfig } from './config';
import GroupMembers from './GroupMembers';
import ModelReplications from './ModelReplications';
import { formToPayload, newFormValues, readableMessage, recordFormValues, type FormValues } from './payload';
import EditConflictDialog, { type Conflict } from './EditConflict';
import { refusedPhotosText, submitRecord } from './offline';
import { PhotoInput, RecordPhotos } from './Photos';
import RegisterForm from './RegisterForm';
import { SealedIdentity, SessionsPanel, StatusPanel } from './Reintegration';
import { useFeedback } from '../components/feedback';

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

  const save = useSaveRecord({ cfg, id, before: record.data, form, fields, onCreated, onQueued: onClose });
  const remove = useDeleteRecord(cfg, id, onClose);

  const resetSave = save.reset;
  const resetRemove = remove.reset;
  useEffect(() => {
    resetSave();
    resetRemove();
  }, [state, resetSave, resetRemove]);

  // a conflict is shown in its own dialog, not as an error
  const saveError = save.resolve.conflict ? null : save.error;
  const otherError = saveError && !fieldOf(saveError, fields) ? saveError : remove.error;
  const title =
    id === null
      ? t('registers.form.createTitle', { item: label(cfg.item) })
      : record.data
        ? recordTitle(cfg, record.data)
        : t('registers.form.loading');
  const editing = canWrite && tab === 'record';

  const recordPane = (
    <RecordPane
      cfg={cfg}
      form={form}
      record={id !== null ? (record.data ?? null) : null}
      initialValues={initialValues}
      canWrite={canWrite}
      saving={save.isPending}
      otherError={otherError}
      onFinish={(v) => save.mutate(v)}
    />
  );

  return (
    <FormDrawer
      title={<span className="antq-reg-drawer-title">{title}</span>}
      open={open}
      onClose={onClose}
      width={640}
      wideFrom="md"
      testId="record-drawer"
      closeLabel={editing && id === null ? t('common.cancel') : t('common.close')}
      start={
        editing && id !== null && record.data ? <DeleteRecordButton deleting={remove.isPending} onDelete={() => remove.mutate()} /> : null
      }
      save={
        editing
          ? {
              label: id === null ? t('registers.form.create') : t('common.save'),
              loading: save.isPending,
              disabled: id !== null && !record.data,
              onClick: () => form.submit(),
              testId: 'record-save',
            }
          : undefined
      }
    >
      <SaveConflict cfg={cfg} save={save} />
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
    </FormDrawer>
  );
}

/**
 * Saves the record: a new one (then the photos chosen in its form), or the changes to an existing
 * one (nothing sent when nothing changed). A refusal about a field goes under that field.
 */
function useSaveRecord({
  cfg,
  id,
  before,
  form,
  fields,
  onCreated,
  onQueued,
}: {
  cfg: RegisterConfig;
  id: string | null;
  before: RegisterRecord | undefined;
  form: FormInstance<FormValues>;
  fields: readonly string[];
  onCreated: (record: RegisterRecord) => void;
  /** The new record waits in the outbox (no network): the form is done with it. */
  onQueued: () => void;
}) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  // the version the officer's edit is made on: the record as opened, or the server's after
  // "keep mine" in the comparison of a conflict
  const version = useRef<string | undefined>(undefined);
  useEffect(() => {
    version.current = before?.updated_at;
  }, [before?.updated_at]);
  const [conflict, setConflict] = useState<(Conflict & { values: FormValues }) | null>(null);
  const mutation = useMutation({
    mutationFn: async (values: FormValues): Promise<RegisterRecord | 'queued' | null> => {
      const body = formToPayload(cfg, values, id !== null ? before : undefined);
      if (body === null) return null;
      if (id !== null) return updateRecord(cfg.name, id, body, version.current);
      // a new record goes through the outbox: sent now, or kept on the phone until there is a
      // network; the photos chosen in the form go up once the record exists
      const photos = Array.isArray(values.photos) ? (values.photos as File[]) : [];
      const sent = await submitRecord(cfg, user?.username ?? '', body, photos, i18n.resolvedLanguage);
      if (sent.queued) return 'queued';
      if (cfg.attachments && photos.length) {
        const refused = refusedPhotosText(t, sent, photos.length);
        if (refused) void message.error(refused);
        else void message.success(t('registers.photos.uploaded', { n: photos.length }));
      }
      return sent.record;
    },
    onSuccess: async (saved) => {
      if (!saved) {
        void message.info(t('registers.form.noChanges'));
        return;
      }
      if (saved === 'queued') {
        // "Chờ gửi", never "Đã lưu": nothing is on the server yet
        void message.warning(t('offline.queuedMessage', { item: label(cfg.item) }));
        onQueued();
        return;
      }
      queryClient.setQueryData(registerKeys.record(cfg.name, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(cfg.name) });
      if (id === null) {
        void message.success(t('registers.form.created', { item: label(cfg.item) }));
        onCreated(saved);
      } else {
        void message.success(t('registers.form.saved'));
        form.setFieldsValue(recordFormValues(cfg, saved) as never);
      }
    },
    onError: (e, values) => {
      // saved by someone else since it was opened: both versions, side by side
      const current =
        e instanceof ApiError && e.code === 'edit_conflict' ? (e.body as { current?: RegisterRecord } | undefined)?.current : undefined;
      if (current && before) {
        setConflict({ mine: { ...before, ...(formToPayload(cfg, values, before) ?? {}) }, current, values });
        return;
      }
      // the server's message (Vietnamese) under the field it names, with the field's label
      if (e instanceof ApiError && e.field && fields.includes(e.field)) {
        form.setFields([{ name: e.field, errors: [readableMessage(cfg, e.message, (f) => pick(f.label, 'vi'))] }]);
        form.scrollToField(e.field, { block: 'center' });
      }
    },
  });
  const resolve = {
    conflict,
    /** The officer's changes, sent again on the server's version (they replace what differs). */
    keepMine: () => {
      if (!conflict) return;
      version.current = conflict.current.updated_at;
      setConflict(null);
      mutation.mutate(conflict.values);
    },
    /** The server's version in the form; the officer's changes are dropped. */
    takeTheirs: () => {
      if (!conflict || id === null) return;
      queryClient.setQueryData(registerKeys.record(cfg.name, id), conflict.current);
      form.setFieldsValue(recordFormValues(cfg, conflict.current) as never);
      setConflict(null);
      mutation.reset();
    },
    cancel: () => {
      setConflict(null);
      mutation.reset();
    },
  };
  return Object.assign(mutation, { resolve });
}

/** The comparison of an edit that met a newer version on the server (see useSaveRecord). */
function SaveConflict({ cfg, save }: { cfg: RegisterConfig; save: ReturnType<typeof useSaveRecord> }) {
  return (
    <EditConflictDialog
      cfg={cfg}
      conflict={save.resolve.conflict}
      saving={save.isPending}
      onKeepMine={save.resolve.keepMine}
      onTakeTheirs={save.resolve.takeTheirs}
      onCancel={save.resolve.cancel}
    />
  );
}

/** Deletes the record, then closes the drawer. */
function useDeleteRecord(cfg: RegisterConfig, id: string | null, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteRecord(cfg.name, id!),
    onSuccess: async () => {
      void message.success(t('registers.form.deleted'));
      queryClient.removeQueries({ queryKey: registerKeys.record(cfg.name, id!) });
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(cfg.name) });
      onClose();
    },
  });
}

function DeleteRecordButton({ deleting, onDelete }: { deleting: boolean; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={t('registers.form.deleteConfirm')}
      description={t('registers.form.deleteHint')}
      okText={t('registers.form.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'record-delete-ok' } as ButtonProps}
      onConfirm={onDelete}
    >
      <Button danger icon={<DeleteOutlined />} loading={deleting} data-testid="record-delete">
        {t('registers.form.delete')}
      </Button>
    </Popconfirm>
  );
}

/** The record's form, who entered it and when, then what is particular to the register. */
function RecordPane({
  cfg,
  form,
  record,
  initialValues,
  canWrite,
  saving,
  otherError,
  onFinish,
}: {
  cfg: RegisterConfig;
  form: FormInstance<FormValues>;
  /** The saved record; null for a new one (and while it loads). */
  record: RegisterRecord | null;
  initialValues: FormValues | undefined;
  canWrite: boolean;
  saving: boolean;
  otherError: unknown;
  onFinish: (v: FormValues) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {!canWrite && (
        <Typography.Paragraph type="secondary" data-testid="read-only">
          {t('registers.form.readOnly')}
        </Typography.Paragraph>
      )}
      {record && cfg.name === 'reintegration' && <SealedIdentity record={record} />}
      <RegisterForm
        cfg={cfg}
        form={form}
        record={record}
        initialValues={initialValues}
        disabled={!canWrite || saving}
        onFinish={onFinish}
        footer={
          cfg.attachments && !record && canWrite ? (
            <Form.Item name="photos" label={t('registers.photos.title')} data-testid="field-photos">
              <PhotoInput />
            </Form.Item>
          ) : undefined
        }
        error={otherError}
      />
      {record && (
        <Typography.Paragraph type="secondary" className="antq-reg-meta">
          {t('registers.form.enteredBy', {
            user: record.created_by ?? '',
            at: formatDateTime(record.created_at ?? ''),
          })}
          {record.updated_at && record.updated_at !== record.created_at
            ? ` · ${t('registers.form.updatedAt', { at: formatDateTime(record.updated_at) })}`
            : ''}
        </Typography.Paragraph>
      )}
      {record && cfg.attachments && <RecordPhotos cfg={cfg} recordId={record.id} canWrite={canWrite} />}
      {record && cfg.name === 'models' && <ModelReplications model={record} canWrite={canWrite} />}
      {record && cfg.name === 'groups' && <GroupMembers group={record} canWrite={canWrite} />}
    </>
  );
}
