/**
 * What the record drawer adds for a person under community education (reintegration): the sealed
 * identity and its reveal (a stated reason, audited), the status with its history, and the
 * sessions of help (each one a "lượt" in the reports).
 */
import { DeleteOutlined, EyeOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Empty,
  Form,
  type FormInstance,
  Input,
  Popconfirm,
  Radio,
  Select,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import RevealDialog from '../components/RevealDialog';
import { hasPermission, useAuth } from '../accounts/auth';
import { formatDate, formatNumber } from '../lib/format';
import {
  SESSION_KINDS,
  deleteSession,
  listSessions,
  registerKeys,
  revealPerson,
  statusHistory,
  updateRecord,
  type HelpSession,
  type NewHelpSession,
  type RegisterRecord,
} from './api';
import { submitSession } from './offline';
import { FieldValue, PastDayItem, useLabel, useLanguage } from './bits';
import { REGISTER_BY_NAME, choiceLabel, fieldOfRegister } from './config';
import { dayOf, identityVisible, revealedFields, todayVN } from './payload';
import { useFeedback } from '../components/feedback';

const { Paragraph, Text } = Typography;

const cfg = REGISTER_BY_NAME.reintegration;
export const REVEAL_PERMISSION = 'reintegration.reveal';

/** The look of the identity's notice: a lock. */
const LOCKED = { showIcon: true, icon: <LockOutlined />, className: 'antq-block-sm' };

/** At the top of the record: the identity is sealed; those who may, reveal it with a reason. */
export function SealedIdentity({ record }: { record: RegisterRecord }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [open, setOpen] = useState(false);
  if (identityVisible(record)) {
    return <Alert type="info" {...LOCKED} message={t('registers.reintegration.identityShown')} data-testid="identity-visible" />;
  }
  const canReveal = hasPermission(user, REVEAL_PERMISSION);
  return (
    <>
      <Alert
        type="warning"
        {...LOCKED}
        message={t('registers.reintegration.identitySealed')}
        description={
          <>
            <div>{canReveal ? t('registers.reintegration.identitySealedHint') : t('registers.reintegration.identityNoReveal')}</div>
            {canReveal && (
              <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} className="antq-reg-reveal-button" data-testid="reveal-open">
                {t('registers.reintegration.reveal')}
              </Button>
            )}
          </>
        }
        data-testid="identity-sealed"
      />
      {open && <RevealPersonDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The sealed fields (and the sessions' helpers and notes), revealed with a reason in the dialog only (see RevealDialog). */
function RevealPersonDialog({ record, onClose }: { record: RegisterRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const value = (shown: Record<string, unknown>, name: string) => {
    const v = shown[name];
    if (v === null || v === undefined || v === '') return <Text type="secondary">—</Text>;
    return <span className="antq-pre">{String(v)}</span>;
  };
  return (
    <RevealDialog
      texts="registers.reintegration.revealDialog"
      titleValues={{ ref: String(record.ref ?? record.id) }}
      reveal={async (reason) => {
        const answer = await revealPerson(record.id, reason);
        return {
          shown: revealedFields(cfg, answer),
          // the sessions' helpers and notes are sealed too: the reveal carries them
          sessions: Array.isArray(answer.sessions) ? (answer.sessions as HelpSession[]).filter((x) => x.helpers || x.notes) : [],
        };
      }}
      onClose={onClose}
    >
      {({ shown, sessions }) => (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            data-testid="revealed"
            items={cfg.fields.filter((f) => f.sealed).map((f) => ({ key: f.name, label: label(f.label), children: value(shown, f.name) }))}
          />
          {sessions.length > 0 && (
            <>
              <h3 className="antq-reg-section__title">{t('registers.reintegration.tabSessions')}</h3>
              <ul className="antq-reg-sessions" data-testid="revealed-sessions">
                {sessions.map((x) => (
                  <li key={String(x.id)} className="antq-reg-session">
                    <Text strong>{formatDate(x.date)}</Text> <Tag>{t(`registers.sessions.kinds.${x.kind}`, { defaultValue: x.kind })}</Tag>
                    <SessionHelpers helpers={x.helpers} />
                    {x.notes && <div className="antq-pre">{x.notes}</div>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </RevealDialog>
  );
}

/** The current status, a change of status with its date, and every change so far. */
export function StatusPanel({ record, canWrite }: { record: RegisterRecord; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const statusField = fieldOfRegister(cfg, 'status')!;
  const [form] = Form.useForm<{ status?: string; status_since?: Dayjs | null }>();
  const history = useQuery({
    queryKey: registerKeys.statusHistory(record.id),
    queryFn: ({ signal }) => statusHistory(record.id, signal),
  });
  const change = useMutation({
    mutationFn: (v: { status: string; status_since: string }) => updateRecord('reintegration', record.id, v),
    onSuccess: async (saved) => {
      queryClient.setQueryData(registerKeys.record('reintegration', record.id), saved);
      form.resetFields();
      void message.success(t('registers.reintegration.statusChanged'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: registerKeys.statusHistory(record.id) }),
        queryClient.invalidateQueries({ queryKey: registerKeys.all('reintegration') }),
      ]);
    },
  });
  const current = typeof record.status === 'string' ? record.status : 'active';
  return (
    <section className="antq-reg-section" data-testid="status-panel">
      <div className="antq-reg-status-now">
        <Text type="secondary">{t('registers.reintegration.statusNow')}</Text>
        <FieldValue field={statusField} record={record} />
        {typeof record.status_since === 'string' && record.status_since && (
          <Text type="secondary">{t('registers.reintegration.since', { date: formatDate(record.status_since) })}</Text>
        )}
      </div>
      {canWrite && (
        <Form
          form={form}
          layout="vertical"
          className="antq-reg-inline-form"
          initialValues={{ status_since: dayOf(todayVN()) }}
          onFinish={(v) => change.mutate({ status: v.status!, status_since: (v.status_since ?? dayOf(todayVN())!).format('YYYY-MM-DD') })}
          data-testid="status-form"
        >
          {change.isError && <ApiErrorAlert error={change.error} />}
          <Form.Item
            name="status"
            label={t('registers.reintegration.newStatus')}
            rules={[{ required: true, message: t('registers.form.requiredChoose', { label: t('registers.reintegration.newStatus') }) }]}
          >
            <Select
              placeholder={t('registers.form.choose')}
              options={(statusField.choices ?? [])
                .filter((c) => c.code !== current)
                .map((c) => ({ value: c.code, label: choiceLabel(statusField, c.code, lang) }))}
              data-testid="status-select"
            />
          </Form.Item>
          <PastDayItem name="status_since" label={t('registers.reintegration.statusSince')} />
          <Form.Item label=" " className="antq-reg-inline-form__submit">
            <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="status-submit">
              {t('registers.reintegration.changeStatus')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <h3 className="antq-reg-section__title">{t('registers.reintegration.history')}</h3>
      {history.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {history.isError && <ApiErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && (
        <Timeline
          data-testid="status-history"
          items={history.data.items.map((h, i) => ({
            key: i,
            color: h.status === 'reoffended' ? 'red' : h.status === 'completed' ? 'green' : 'blue',
            children: (
              <div>
                <Tag>{choiceLabel(statusField, h.status, lang)}</Tag>
                <Text>{formatDate(h.on)}</Text>
                {h.by && <Text type="secondary"> · {h.by}</Text>}
                {i === 0 && <Text type="secondary"> · {t('registers.reintegration.created')}</Text>}
              </div>
            ),
          }))}
        />
      )}
    </section>
  );
}

/** The sessions of help: add one (date, kind, helpers, notes), list them, delete a wrong one. */
export function SessionsPanel({ record, canWrite }: { record: RegisterRecord; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<SessionValues>();
  const add = useAddSession(record, form, () => setAdding(false));
  const key = registerKeys.sessions(record.id);
  const sessions = useQuery({ queryKey: key, queryFn: ({ signal }) => listSessions(record.id, signal) });
  const remove = useMutation({
    mutationFn: (sid: HelpSession['id']) => deleteSession(record.id, sid),
    onSuccess: async () => {
      void message.success(t('registers.sessions.deleted'));
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const items = [...(sessions.data?.items ?? [])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return (
    <section className="antq-reg-section" data-testid="sessions-panel">
      <div className="antq-reg-section__head">
        <Text type="secondary">{t('registers.sessions.summary', { n: formatNumber(items.length) })}</Text>
        {canWrite && !adding && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="session-add">
            {t('registers.sessions.add')}
          </Button>
        )}
      </div>
      {adding && <SessionForm form={form} add={add} onClose={() => setAdding(false)} />}
      {sessions.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {sessions.isError && <ApiErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {remove.isError && <ApiErrorAlert error={remove.error} />}
      {sessions.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.sessions.none')} />}
      {items.length > 0 && (
        <ul className="antq-reg-sessions" data-testid="sessions">
          {items.map((s) => (
            <SessionItem key={String(s.id)} session={s} canWrite={canWrite} onDelete={() => remove.mutate(s.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface SessionValues {
  date?: Dayjs | null;
  kind?: string;
  helpers?: string;
  notes?: string;
}

/** Adds a session; the form empties and closes. */
function useAddSession(record: RegisterRecord, form: FormInstance<SessionValues>, onAdded: () => void) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  // through the outbox: added now, or kept on the phone until there is a network. Its line in the
  // outbox names the kind of session and its day, never the person.
  return useMutation({
    mutationFn: (v: NewHelpSession) =>
      submitSession(
        record.id,
        user?.username ?? '',
        v,
        t('registers.sessions.pendingLabel', { kind: t(`registers.sessions.kinds.${v.kind}`), date: formatDate(v.date) }),
      ),
    onSuccess: async (sent, v) => {
      if (sent.queued) {
        void message.warning(t('offline.queuedMessage', { item: t('registers.sessions.queuedItem', { date: formatDate(v.date) }) }));
      } else {
        void message.success(t('registers.sessions.added'));
      }
      form.resetFields();
      onAdded();
      if (!sent.queued) await queryClient.invalidateQueries({ queryKey: registerKeys.sessions(record.id) });
    },
  });
}

/** A new session of help: its date, kind, helpers and notes (the last two sealed). */
function SessionForm({
  form,
  add,
  onClose,
}: {
  form: FormInstance<SessionValues>;
  add: ReturnType<typeof useAddSession>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const sealedLabel = (text: string) => (
    <span>
      {text} <LockOutlined title={t('registers.form.sealed')} />
    </span>
  );
  return (
    <Form
      form={form}
      layout="vertical"
      className="antq-reg-subform"
      initialValues={{ date: dayOf(todayVN()), kind: 'visit' }}
      onFinish={(v) =>
        add.mutate({
          date: v.date!.format('YYYY-MM-DD'),
          kind: v.kind!,
          ...(v.helpers?.trim() ? { helpers: v.helpers.trim() } : {}),
          ...(v.notes?.trim() ? { notes: v.notes.trim() } : {}),
        })
      }
      data-testid="session-form"
    >
      {add.isError && <ApiErrorAlert error={add.error} />}
      <PastDayItem name="date" label={t('registers.sessions.date')} />
      <Form.Item name="kind" label={t('registers.sessions.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={SESSION_KINDS.map((k) => ({ value: k, label: t(`registers.sessions.kinds.${k}`) }))}
          data-testid="session-kind"
        />
      </Form.Item>
      <Form.Item name="helpers" label={sealedLabel(t('registers.sessions.helpers'))}>
        <Input maxLength={300} autoComplete="off" data-testid="session-helpers" />
      </Form.Item>
      <Form.Item name="notes" label={sealedLabel(t('registers.sessions.notes'))} extra={t('registers.sessions.sealedHint')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} data-testid="session-notes" />
      </Form.Item>
      <div className="antq-form-actions">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="session-save">
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}

/** A session in the list: date, kind, who entered it, "sealed" when its helpers and notes are; deleting it. */
function SessionItem({ session: s, canWrite, onDelete }: { session: HelpSession; canWrite: boolean; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="antq-reg-session" data-testid="session">
      <div className="antq-reg-session__head">
        <Text strong>{formatDate(s.date)}</Text>
        <Tag color={s.kind === 'visit' ? 'blue' : s.kind === 'education' ? 'purple' : 'green'}>
          {t(`registers.sessions.kinds.${s.kind}`, { defaultValue: s.kind })}
        </Tag>
        {s.created_by && <Text type="secondary">{s.created_by}</Text>}
        {s.has_notes && !s.helpers && !s.notes && (
          <Tag icon={<LockOutlined />} title={t('registers.sessions.sealedHint')}>
            {t('registers.sessions.sealed')}
          </Tag>
        )}
        <span className="antq-reg-actions__spacer" />
        {canWrite && (
          <Popconfirm
            title={t('registers.sessions.deleteConfirm')}
            okText={t('registers.form.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={onDelete}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('registers.sessions.delete')} />
          </Popconfirm>
        )}
      </div>
      <SessionHelpers helpers={s.helpers} />
      {s.notes && <Paragraph className="antq-pre antq-reg-session__notes">{s.notes}</Paragraph>}
    </li>
  );
}

/** "Người giúp đỡ: …" of a session, when shown (they are sealed). */
function SessionHelpers({ helpers }: { helpers?: string | null }) {
  const { t } = useTranslation();
  if (!helpers) return null;
  return (
    <div>
      <Text type="secondary">{t('registers.sessions.helpers')}: </Text>
      {helpers}
    </div>
  );
}
