/**
 * `/so/ghi-hoat-dong`: the quick path of a village officer on a phone — type, date (today),
 * content, organising forces (one tap each), participants; the unit is the officer's own.
 */
import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Result, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import RequireAuth from '../components/RequireAuth';
import { useAuth } from '../lib/auth';
import { formatNumber } from '../lib/format';
import { createRecord, registerKeys, type RegisterRecord } from './api';
import { useCatalog, useLabel } from './bits';
import { REGISTER_BY_NAME, fieldOfRegister, pick, registerPath } from './config';
import { formToPayload, newFormValues, readableMessage, type FormValues } from './payload';
import { CatalogSelect, CountInput, DateInput, UnitField } from './RegisterForm';
import './registers.css';

const cfg = REGISTER_BY_NAME.activities;
const FIELDS = ['unit', 'type', 'date', 'title', 'organizers', 'participants'] as const;

export default function QuickActivityPage() {
  return (
    <RequireAuth permission={cfg.writePermission}>
      <QuickActivity />
    </RequireAuth>
  );
}

function QuickActivity() {
  const { t } = useTranslation();
  const label = useLabel();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [saved, setSaved] = useState<RegisterRecord | null>(null);
  const field = (name: string) => fieldOfRegister(cfg, name)!;

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('registers.quick.title') });
  }, [t]);

  const initial = useMemo(() => {
    const all = newFormValues(cfg, { unit: user?.unit?.code ?? null });
    return Object.fromEntries(FIELDS.map((k) => [k, all[k]]));
  }, [user]);

  const save = useMutation({
    mutationFn: (v: FormValues) => createRecord(cfg.name, formToPayload(cfg, v) ?? {}),
    onSuccess: async (r) => {
      setSaved(r);
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(cfg.name) });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field && (FIELDS as readonly string[]).includes(e.field)) {
        form.setFields([{ name: e.field, errors: [readableMessage(cfg, e.message, (f) => pick(f.label, 'vi'))] }]);
      }
    },
  });

  const again = () => {
    save.reset();
    setSaved(null);
  };

  const otherError = save.error && !(save.error instanceof ApiError && save.error.field && (FIELDS as readonly string[]).includes(save.error.field));

  if (saved) {
    return (
      <div className="antq-reg-quick" data-testid="quick-activity-done">
        <Card>
          <Result
            status="success"
            title={<h1 className="antq-result-title">{t('registers.quick.saved')}</h1>}
            subTitle={
              <span data-testid="quick-saved-title">
                {String(saved.title)} · {saved.unit.name} ·{' '}
                {t('registers.quick.people', { n: formatNumber(typeof saved.participants === 'number' ? saved.participants : 0) })}
              </span>
            }
            extra={[
              <Button key="again" type="primary" size="large" onClick={again} data-testid="quick-again">
                {t('registers.quick.again')}
              </Button>,
              <Link key="list" to={`${registerPath(cfg)}?record=${saved.id}`}>
                <Button size="large">{t('registers.quick.view')}</Button>
              </Link>,
            ]}
          />
        </Card>
      </div>
    );
  }

  return (
    <div className="antq-reg-quick" data-testid="quick-activity">
      <Typography.Title level={1} className="antq-page-title">
        {t('registers.quick.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('registers.quick.intro')}</Typography.Paragraph>
      <Card size="small" className="antq-reg-quick__card">
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
              <ApiErrorAlert error={save.error} />
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
          <Form.Item name="date" label={label(field('date').label)} rules={[{ required: true, message: t('registers.form.requiredChoose', { label: label(field('date').label) }) }]}>
            <DateInput noFuture />
          </Form.Item>
          <Form.Item
            name="title"
            label={label(field('title').label)}
            rules={[{ required: true, whitespace: true, message: t('registers.form.required', { label: label(field('title').label) }) }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={300} placeholder={t('registers.quick.titlePlaceholder')} data-testid="quick-title" />
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
          <Button type="primary" htmlType="submit" size="large" block loading={save.isPending} data-testid="quick-save">
            {t('registers.quick.save')}
          </Button>
        </Form>
      </Card>
    </div>
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
