/**
 * `/so/ghi-hoat-dong`: the quick path of a village officer on a phone (where they land after
 * logging in) — an activity: type, date (today), content, organising forces (one tap each),
 * participants, photos; or (`?loai=tuan-tra`) a patrol of the village with its photos. The unit is
 * the officer's own.
 */
import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, type FormInstance, Input, Segmented, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { Suspense, lazy, useEffect, useMemo, useState, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { fieldOf } from '../components/forms';
import { usePageTitle } from '../components/usePageTitle';
import UnitField from '../components/form/DeferredUnitField';
import RequireAuth from '../accounts/RequireAuth';
import { hasPermission, useAuth } from '../accounts/auth';
import { formatDateTime, formatNumber } from '../lib/format';
import { registerKeys } from './api';
import { PastDayItem, useCatalog, useLabel } from './bits';
import { REGISTER_BY_NAME, formFieldNames, fieldOfRegister, pick, type RegisterConfig } from './config';
import { formToPayload, newFormValues, readableMessage, type FormValues } from './payload';
import { refusedPhotosText, submitRecord } from './offline';
import { PhotoInput } from './Photos';
import CatalogSelect from '../components/form/CatalogSelect';
import CountInput from '../components/form/CountInput';
import RegisterForm from './RegisterForm';
import './registers.css';
import { useFeedback } from '../components/feedback';
import type { Queued, Saved } from './QuickResults';

// what shows after a save (Ant Design's Result and its pictures) loads once there is one
const LazyDone = lazy(() => import('./QuickResults').then((m) => ({ default: m.QuickDone })));
const LazyQueued = lazy(() => import('./QuickResults').then((m) => ({ default: m.QuickQueued })));
const QuickDone = (props: ComponentProps<typeof LazyDone>) => (
  <Suspense fallback={<Spin />}>
    <LazyDone {...props} />
  </Suspense>
);
const QuickQueued = (props: ComponentProps<typeof LazyQueued>) => (
  <Suspense fallback={<Spin />}>
    <LazyQueued {...props} />
  </Suspense>
);
import Card from '../components/Card';

const cfg = REGISTER_BY_NAME.activities;
const patrols = REGISTER_BY_NAME.patrols;
const FIELDS = ['unit', 'type', 'date', 'title', 'organizers', 'participants'] as const;
/** `?loai=tuan-tra`: the patrol form instead of the activity form. */
const KIND_PARAM = 'loai';
const PATROL = 'tuan-tra';

export default function QuickActivityPage() {
  return (
    <RequireAuth permission={cfg.writePermission}>
      <QuickEntry />
    </RequireAuth>
  );
}

/** The quick entry: an activity, or a patrol for those who may record one. */
function QuickEntry() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const canPatrol = hasPermission(user, patrols.writePermission);
  const kind = canPatrol && params.get(KIND_PARAM) === PATROL ? 'patrol' : 'activity';
  const choose = (k: string) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (k === 'patrol') p.set(KIND_PARAM, PATROL);
      else p.delete(KIND_PARAM);
      return p;
    });
  return (
    <div className="antq-reg-quick">
      {canPatrol && (
        <Segmented
          block
          size="large"
          className="antq-reg-quick__kind"
          value={kind}
          onChange={(v) => choose(String(v))}
          options={[
            { value: 'activity', label: t('registers.quick.kindActivity') },
            { value: 'patrol', label: t('registers.quick.kindPatrol') },
          ]}
          data-testid="quick-kind"
        />
      )}
      {kind === 'patrol' ? <QuickPatrol /> : <QuickActivity />}
    </div>
  );
}

/**
 * Saves a record, then its photos; a refused photo leaves the record saved and says so. A refusal
 * about one of `fields` goes under that field; `otherError` is any other refusal. The saved record
 * stays shown until `again`.
 */
function useQuickSave(register: RegisterConfig, fields: readonly string[], form: FormInstance<FormValues>) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const save = useMutation({
    mutationFn: async (v: FormValues): Promise<Saved | Queued> => {
      const photos = Array.isArray(v.photos) ? (v.photos as File[]) : [];
      // through the outbox: sent now, or kept on the phone until there is a network
      const sent = await submitRecord(register, user?.username ?? '', formToPayload(register, v) ?? {}, photos, i18n.resolvedLanguage);
      if (sent.queued) return { queued: sent.item, photos: photos.length };
      const refused = refusedPhotosText(t, sent, photos.length);
      if (refused) void message.error(refused);
      return { record: sent.record, photos: photos.length };
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(register.name) });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field && fields.includes(e.field)) {
        form.setFields([{ name: e.field, errors: [readableMessage(register, e.message, (f) => pick(f.label, 'vi'))] }]);
      }
    },
  });
  const [saved, setSaved] = useState<Saved | Queued | null>(null);
  useEffect(() => {
    if (save.data) setSaved(save.data);
  }, [save.data]);
  const again = () => {
    save.reset();
    setSaved(null);
  };
  const otherError = save.error && !fieldOf(save.error, fields) ? save.error : null;
  return { save, saved, again, otherError };
}

function QuickPage({ testId, title, intro, children }: { testId: string; title: string; intro: string; children: ReactNode }) {
  return (
    <div data-testid={testId}>
      <Typography.Title level={1} className="antq-page-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <Card size="small" className="antq-reg-quick__card">
        {children}
      </Card>
    </div>
  );
}

function QuickActivity() {
  const { t } = useTranslation();
  const label = useLabel();
  const { user } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const field = (name: string) => fieldOfRegister(cfg, name)!;
  usePageTitle('registers.quick.title');

  const initial = useMemo(() => {
    const all = newFormValues(cfg, { unit: user?.unit?.code ?? null });
    return { ...Object.fromEntries(FIELDS.map((k) => [k, all[k]])), photos: [] };
  }, [user]);

  const { save, saved, again, otherError } = useQuickSave(cfg, FIELDS, form);

  if (saved && 'queued' in saved) {
    return <QuickQueued testId="quick-activity-queued" queued={saved} againLabel={t('registers.quick.again')} onAgain={again} />;
  }
  if (saved) {
    const r = saved.record;
    return (
      <QuickDone
        testId="quick-activity-done"
        title={t('registers.quick.saved')}
        summary={
          <>
            {String(r.title)} · {r.unit.name} ·{' '}
            {t('registers.quick.people', { n: formatNumber(typeof r.participants === 'number' ? r.participants : 0) })}
          </>
        }
        againLabel={t('registers.quick.again')}
        onAgain={again}
        register={cfg}
        saved={saved}
      />
    );
  }

  return (
    <QuickPage testId="quick-activity" title={t('registers.quick.title')} intro={t('registers.quick.intro')}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
        disabled={save.isPending}
        scrollToFirstError={{ block: 'center' }}
        data-testid="quick-form"
      >
        {otherError && (
          <div className="antq-block-sm">
            <ApiErrorAlert error={otherError} />
          </div>
        )}
        <Form.Item name="unit" label={t('registers.form.unit')} rules={[{ required: true, message: t('registers.form.unitRequired') }]}>
          <UnitField />
        </Form.Item>
        <Form.Item
          name="type"
          label={label(field('type').label)}
          rules={[{ required: true, message: t('registers.form.requiredChoose', { label: label(field('type').label) }) }]}
        >
          <CatalogSelect field={field('type')} />
        </Form.Item>
        <PastDayItem name="date" label={label(field('date').label)} />
        <Form.Item
          name="title"
          label={label(field('title').label)}
          rules={[{ required: true, whitespace: true, message: t('registers.form.required', { label: label(field('title').label) }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={300}
            placeholder={t('registers.quick.titlePlaceholder')}
            data-testid="quick-title"
          />
        </Form.Item>
        <Form.Item
          name="organizers"
          label={label(field('organizers').label)}
          rules={[{ required: true, type: 'array', min: 1, message: t('registers.quick.organizersRequired') }]}
        >
          <ForceChips />
        </Form.Item>
        <Form.Item name="participants" label={label(field('participants').label)}>
          <CountInput placeholder="0" aria-label={label(field('participants').label)} />
        </Form.Item>
        <Form.Item name="photos" label={t('registers.photos.title')}>
          <PhotoInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={save.isPending} data-testid="quick-save">
          {t('registers.quick.save')}
        </Button>
      </Form>
    </QuickPage>
  );
}

/** A patrol of the officer's village: the register's own form (start now), with photos. */
function QuickPatrol() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const fields = useMemo(() => formFieldNames(patrols), []);
  const { save, saved, again, otherError } = useQuickSave(patrols, fields, form);
  usePageTitle('registers.quick.patrolTitle');
  // a patrol is recorded as it starts or right after: now, to the minute
  const initial = useMemo(
    () => ({ ...newFormValues(patrols, { unit: user?.unit?.code ?? null }), started_at: dayjs().second(0).millisecond(0), photos: [] }),
    [user],
  );

  if (saved && 'queued' in saved) {
    return <QuickQueued testId="quick-patrol-queued" queued={saved} againLabel={t('registers.quick.patrolAgain')} onAgain={again} />;
  }
  if (saved) {
    const r = saved.record;
    return (
      <QuickDone
        testId="quick-patrol-done"
        title={t('registers.quick.patrolSaved')}
        summary={
          <>
            {r.unit.name} · {formatDateTime(typeof r.started_at === 'string' ? r.started_at : null)}
          </>
        }
        againLabel={t('registers.quick.patrolAgain')}
        onAgain={again}
        register={patrols}
        saved={saved}
      />
    );
  }

  return (
    <QuickPage testId="quick-patrol" title={t('registers.quick.patrolTitle')} intro={t('registers.quick.patrolIntro')}>
      <RegisterForm
        cfg={patrols}
        form={form}
        initialValues={initial}
        disabled={save.isPending}
        onFinish={(v) => save.mutate(v)}
        error={otherError}
        footer={
          <>
            <Form.Item name="photos" label={t('registers.photos.title')} data-testid="field-photos">
              <PhotoInput />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={save.isPending} data-testid="quick-save">
              {t('registers.quick.patrolSave')}
            </Button>
          </>
        }
      />
    </QuickPage>
  );
}

/** The organising forces as chips: one tap each, several at once. */
function ForceChips(props: { id?: string; value?: string[]; onChange?: (v: string[]) => void; disabled?: boolean }) {
  const { value = [], onChange, id, disabled } = props;
  const { options } = useCatalog();
  return (
    <div id={id} className="antq-reg-chips" role="group" data-testid="quick-organizers">
      {options('forces', value).map((o) => {
        const on = value.includes(o.value);
        return (
          <button
            key={o.value}
            type="button"
            aria-pressed={on}
            disabled={disabled}
            className={on ? 'antq-reg-chip antq-reg-chip--on' : 'antq-reg-chip'}
            onClick={() => onChange?.(on ? value.filter((v) => v !== o.value) : [...value, o.value])}
          >
            {on && <CheckOutlined aria-hidden />} {o.label}
          </button>
        );
      })}
    </div>
  );
}
