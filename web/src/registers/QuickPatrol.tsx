/**
 * `/so/ghi-hoat-dong?loai=tuan-tra`: a patrol of the officer's village, on the register's own form
 * (started now, to the minute), with its photos. Loaded when chosen: the activity form is what a
 * village officer lands on, and this one brings Ant Design's Form and date pickers.
 */
import { Button, Form } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../accounts/auth';
import { usePageTitle } from '../components/usePageTitle';
import { formatDateTime } from '../lib/format';
import { REGISTER_BY_NAME, formFieldNames } from './config';
import { newFormValues, type FormValues } from './payload';
import { PhotoInput } from './Photos';
import { QuickDone, QuickQueued } from './QuickResults';
import { QuickPage } from './QuickPage';
import RegisterForm from './RegisterForm';
import { useQuickSave } from './useQuickSave';

const patrols = REGISTER_BY_NAME.patrols;

export default function QuickPatrol() {
  // each patrol on a form of its own: "record another" starts afresh, started now
  const [round, setRound] = useState(0);
  return <PatrolRound key={round} onAgain={() => setRound((r) => r + 1)} />;
}

function PatrolRound({ onAgain }: { onAgain: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const fields = useMemo(() => formFieldNames(patrols), []);
  const { save, saved, otherError } = useQuickSave(patrols, fields, (name, message) => form.setFields([{ name, errors: [message] }]));
  usePageTitle('registers.quick.patrolTitle');
  // a patrol is recorded as it starts or right after: now, to the minute
  const initial = useMemo(
    () => ({ ...newFormValues(patrols, { unit: user?.unit?.code ?? null }), started_at: dayjs().second(0).millisecond(0), photos: [] }),
    [user],
  );

  if (saved && 'queued' in saved) {
    return <QuickQueued testId="quick-patrol-queued" queued={saved} againLabel={t('registers.quick.patrolAgain')} onAgain={onAgain} />;
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
        onAgain={onAgain}
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
        onFinish={(v) => {
          const { photos, ...values } = v;
          save.mutate({ values, photos: Array.isArray(photos) ? (photos as File[]) : [] });
        }}
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
