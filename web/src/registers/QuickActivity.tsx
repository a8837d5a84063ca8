/**
 * `/so/ghi-hoat-dong`: the quick path of a village officer on a phone (where they land after
 * logging in) — an activity: type, date (today), content, organising forces (one tap each),
 * participants, photos; or (`?loai=tuan-tra`) a patrol of the village with its photos
 * (QuickPatrol.tsx, loaded when chosen). The unit is the officer's own.
 *
 * The activity form is the first page a village officer opens, on a cheap phone: it is built from
 * the browser's own controls (NativeField), not Ant Design's Form and inputs, so that the app's
 * first load stays under its budget (issue 17); its checks are in quickActivity.ts.
 */
import { Button, Spin } from 'antd';
import { Suspense, lazy, useRef, useState, type ComponentProps, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import RequireAuth from '../accounts/RequireAuth';
import { hasPermission, useAuth } from '../accounts/auth';
import ApiErrorAlert from '../components/ApiErrorAlert';
import ToggleButtons from '../components/form/ToggleButtons';
import { usePageTitle } from '../components/usePageTitle';
import { formatNumber } from '../lib/format';
import { REGISTER_BY_NAME } from './config';
import { todayVN } from './payload';
import QuickActivityFields, { useActivityLabel } from './QuickActivityFields';
import { QuickPage } from './QuickPage';
import {
  COUNT_MAX,
  QUICK_ACTIVITY_FIELDS,
  newQuickActivity,
  quickActivityErrors,
  quickActivityFormValues,
  type QuickActivityErrors,
  type QuickActivityValues,
} from './quickActivity';
import { useQuickSave } from './useQuickSave';
import './registers.css';

// what shows after a save (Ant Design's Result and its pictures) loads once there is one, and the
// patrol's form (the register's own, with Ant Design's) once it is chosen
const LazyDone = lazy(() => import('./QuickResults').then((m) => ({ default: m.QuickDone })));
const LazyQueued = lazy(() => import('./QuickResults').then((m) => ({ default: m.QuickQueued })));
const LazyPatrol = lazy(() => import('./QuickPatrol'));
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

const cfg = REGISTER_BY_NAME.activities;
const patrols = REGISTER_BY_NAME.patrols;
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
        <ToggleButtons<'activity' | 'patrol'>
          size="large"
          block
          className="antq-reg-quick__kind"
          aria-label={t('registers.quick.kind')}
          value={kind}
          onChange={choose}
          options={[
            { value: 'activity', label: t('registers.quick.kindActivity') },
            { value: 'patrol', label: t('registers.quick.kindPatrol') },
          ]}
          data-testid="quick-kind"
        />
      )}
      {kind === 'patrol' ? (
        <Suspense fallback={<Spin />}>
          <LazyPatrol />
        </Suspense>
      ) : (
        <QuickActivity />
      )}
    </div>
  );
}

function QuickActivity() {
  const { t } = useTranslation();
  const { user } = useAuth();
  usePageTitle('registers.quick.title');
  const fieldLabel = useActivityLabel();

  const fresh = () => newQuickActivity(user?.unit?.code ?? null, todayVN());
  const [values, setValues] = useState<QuickActivityValues>(fresh);
  const [errors, setErrors] = useState<QuickActivityErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof QuickActivityValues>(name: K, value: QuickActivityValues[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    // a field's message goes once it is changed; the others stay until the next save
    setErrors((e) => (name in e ? { ...e, [name]: undefined } : e));
  };

  const { save, saved, again, otherError } = useQuickSave(cfg, QUICK_ACTIVITY_FIELDS, (name, message) =>
    setErrors((e) => ({ ...e, [name]: message })),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = quickActivityErrors(values, todayVN(), {
      unitRequired: t('registers.form.unitRequired'),
      typeRequired: t('registers.form.requiredChoose', { label: fieldLabel('type') }),
      dateRequired: t('registers.form.requiredChoose', { label: fieldLabel('date') }),
      dateFormat: t('registers.quick.dateFormat'),
      dateInFuture: t('registers.quick.dateInFuture'),
      titleRequired: t('registers.form.required', { label: fieldLabel('title') }),
      organizersRequired: t('registers.quick.organizersRequired'),
      participantsTooMany: t('registers.quick.countTooBig', { n: formatNumber(COUNT_MAX, 0) }),
    });
    setErrors(found);
    const first = QUICK_ACTIVITY_FIELDS.find((f) => found[f]);
    if (first) {
      // as Ant Design's form does: the first field with a message, in the middle of the screen
      // (a group of chips: its first chip)
      const field = formRef.current?.querySelector<HTMLElement>(`#${first}`);
      const el = field?.getAttribute('role') === 'group' ? field.querySelector<HTMLElement>('button') : field;
      el?.scrollIntoView({ block: 'center' });
      el?.focus({ preventScroll: true });
      return;
    }
    save.mutate({ values: quickActivityFormValues(values), photos: values.photos });
  };
  const startAgain = () => {
    setValues(fresh());
    setErrors({});
    again();
  };

  if (saved && 'queued' in saved) {
    return <QuickQueued testId="quick-activity-queued" queued={saved} againLabel={t('registers.quick.again')} onAgain={startAgain} />;
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
        onAgain={startAgain}
        register={cfg}
        saved={saved}
      />
    );
  }

  const pending = save.isPending;
  return (
    <QuickPage testId="quick-activity" title={t('registers.quick.title')} intro={t('registers.quick.intro')}>
      <form ref={formRef} onSubmit={submit} noValidate data-testid="quick-form">
        {/* a disabled fieldset disables every control in it while the record is being sent */}
        <fieldset className="antq-nf__all" disabled={pending}>
          {otherError && (
            <div className="antq-block-sm">
              <ApiErrorAlert error={otherError} />
            </div>
          )}
          <QuickActivityFields values={values} errors={errors} set={set} disabled={pending} />
          <Button type="primary" htmlType="submit" size="large" block loading={pending} data-testid="quick-save">
            {t('registers.quick.save')}
          </Button>
        </fieldset>
      </form>
    </QuickPage>
  );
}
