/**
 * The form of any register, drawn from its field config: one control per field type, the unit
 * picker first, required marks and the same checks as the server (required, at least N items,
 * no future dates, a later date not before the earlier one), so most mistakes never leave the
 * phone; the server's own answer lands on the field it names.
 */
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Select, Switch, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import CatalogSelect from '../components/form/CatalogSelect';
import CountInput from '../components/form/CountInput';
import DateInput from '../components/form/DateInput';
import UnitField from '../components/form/DeferredUnitField';
import { getRecord, listRecords, registerKeys, type Id, type RegisterRecord } from './api';
import { recordTitle, useLabel, useLanguage } from './bits';
import { REGISTER_BY_NAME, choiceLabel, fieldOfRegister, type FieldSpec, type RegisterConfig } from './config';
import { shownInForm, type FormValues } from './payload';

interface Props {
  cfg: RegisterConfig;
  form: FormInstance<FormValues>;
  onFinish: (values: FormValues) => void;
  disabled?: boolean;
  /** Values of the record being edited (for retired catalogue codes still in use). */
  initialValues?: FormValues;
  /** A refusal about no field of the form: shown above the fields. */
  error?: unknown;
  /** The stored record (an edit): decides which fields the form shows. */
  record?: RegisterRecord | null;
  /** Extra controls after the register's fields (a new record's photos). */
  footer?: React.ReactNode;
}

export default function RegisterForm({ cfg, form, onFinish, disabled, initialValues, error, record, footer }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      requiredMark="optional"
      onFinish={onFinish}
      disabled={disabled}
      initialValues={initialValues}
      scrollToFirstError={{ block: 'center' }}
      data-testid="register-form"
      className="antq-reg-form"
    >
      {!!error && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={error} />
        </div>
      )}
      <Form.Item
        name="unit"
        label={t('registers.form.unit')}
        extra={cfg.unitKinds?.length ? t('registers.form.unitHintVillage') : t('registers.form.unitHint')}
        rules={[{ required: true, message: t('registers.form.unitRequired') }]}
        required
      >
        <UnitField kinds={cfg.unitKinds} />
      </Form.Item>
      {cfg.fields
        .filter((f) => shownInForm(cfg, f, record))
        .map((f) => (
          <FieldItem key={f.name} cfg={cfg} field={f} label={label(f.label)} initial={initialValues?.[f.name]} />
        ))}
      {footer}
    </Form>
  );
}

function FieldItem({ cfg, field, label, initial }: { cfg: RegisterConfig; field: FieldSpec; label: string; initial: unknown }) {
  const { t } = useTranslation();
  const lab = useLabel();
  const rules: Rule[] = [];
  const dependencies: string[] = [];
  if (field.required && field.type !== 'people' && field.type !== 'items') {
    // only the keys each type needs: a rule with any key besides `required` and `message` is
    // checked as a string by the validator, which a date (Dayjs) or a number would fail
    const chosen = ['code', 'codes', 'choice', 'reference', 'date', 'datetime'].includes(field.type);
    const message = t(chosen ? 'registers.form.requiredChoose' : 'registers.form.required', { label });
    if (field.type === 'text' || field.type === 'long_text') rules.push({ required: true, whitespace: true, message });
    else if (field.type === 'codes') rules.push({ required: true, type: 'array', message });
    else rules.push({ required: true, message });
  }
  if (field.requiredWhen) {
    const { field: other, value: when } = field.requiredWhen;
    dependencies.push(other);
    rules.push(({ getFieldValue }) => ({
      validator(_, value: unknown) {
        if (getFieldValue(other) !== when || (value !== null && value !== undefined && value !== '')) return Promise.resolve();
        return Promise.reject(new Error(t('registers.form.requiredChoose', { label })));
      },
    }));
  }
  if (field.type === 'codes' && field.minItems && field.minItems > 1) {
    rules.push({ type: 'array', min: field.minItems, message: t('registers.form.minItems', { n: field.minItems }) });
  }
  if (field.notBefore) {
    const other = fieldOfRegister(cfg, field.notBefore);
    dependencies.push(field.notBefore);
    rules.push(({ getFieldValue }) => ({
      validator(_, value: Dayjs | null | undefined) {
        const earlier = getFieldValue(field.notBefore!) as Dayjs | null | undefined;
        if (!value || !earlier) return Promise.resolve();
        const unit = field.type === 'date' ? 'day' : 'minute';
        return value.isBefore(earlier, unit)
          ? Promise.reject(new Error(t('registers.form.notBefore', { label, other: other ? lab(other.label) : field.notBefore })))
          : Promise.resolve();
      },
    }));
  }
  if (field.type === 'people') {
    return <PartiesEditor field={field} label={label} />;
  }
  if (field.type === 'items') {
    return <ItemsEditor field={field} label={label} />;
  }
  return (
    <Form.Item
      name={field.name}
      label={
        field.sealed ? (
          <span className="antq-reg-sealed-label">
            {label} <LockOutlined aria-label={t('registers.form.sealed')} title={t('registers.form.sealed')} />
          </span>
        ) : (
          label
        )
      }
      rules={rules}
      dependencies={dependencies}
      valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
      data-testid={`field-${field.name}`}
    >
      {control(field, label, initial)}
    </Form.Item>
  );
}

function control(field: FieldSpec, label: string, initial: unknown) {
  switch (field.type) {
    case 'text':
      return <Input maxLength={field.max} autoComplete="off" />;
    case 'long_text':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={field.max} />;
    case 'date':
      return <DateInput noFuture={field.noFuture} />;
    case 'datetime':
      return <DateInput noFuture={field.noFuture} withTime />;
    case 'count':
      return <CountInput aria-label={label} />;
    case 'year':
      return <InputNumber min={1900} max={2100} precision={0} inputMode="numeric" style={{ width: '100%' }} aria-label={label} />;
    case 'boolean':
      return <Switch />;
    case 'code':
      return <CatalogSelect field={field} keep={typeof initial === 'string' ? [initial] : []} />;
    case 'codes':
      return <CatalogSelect field={field} multiple keep={Array.isArray(initial) ? (initial as string[]) : []} />;
    case 'choice':
      return <ChoiceInput field={field} />;
    case 'reference':
      return <ReferenceSelect field={field} />;
    default:
      return <Input />;
  }
}

/** Two choices: buttons side by side; more: a select. */
function ChoiceInput(props: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  field: FieldSpec;
  disabled?: boolean;
}) {
  const { field, ...rest } = props;
  const { t } = useTranslation();
  const lang = useLanguage();
  const options = (field.choices ?? []).map((c) => ({ value: c.code, label: choiceLabel(field, c.code, lang) }));
  if (options.length <= 2 && field.required) {
    return (
      <Radio.Group
        id={rest.id}
        value={rest.value}
        onChange={(e) => rest.onChange?.(e.target.value as string)}
        optionType="button"
        buttonStyle="solid"
        options={options}
        disabled={rest.disabled}
        data-testid={`choice-${field.name}`}
      />
    );
  }
  return (
    <Select
      {...rest}
      options={options}
      allowClear={!field.required}
      placeholder={t('registers.form.choose')}
      data-testid={`select-${field.name}`}
    />
  );
}

/** A record of another register (a programme, a conference, a patrol team), found by its name. */
function ReferenceSelect(props: { id?: string; value?: Id; onChange?: (v: Id | undefined) => void; field: FieldSpec; disabled?: boolean }) {
  const { field, value, ...rest } = props;
  const { t } = useTranslation();
  const target = REGISTER_BY_NAME[field.ref!];
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: registerKeys.list(target.name, { q, per_page: 20 }),
    queryFn: ({ signal }) => listRecords(target.name, { q: q || undefined, per_page: 20 }, signal),
    staleTime: 60_000,
  });
  const current = useQuery({
    queryKey: registerKeys.record(target.name, value ?? ''),
    queryFn: ({ signal }) => getRecord(target.name, value!, signal),
    enabled: value !== undefined && value !== null && value !== '',
    staleTime: 5 * 60_000,
    retry: false,
  });
  const options = useMemo(() => {
    const items = found.data?.items ?? [];
    const list = items.map((r) => ({ value: r.id, label: `#${r.id} · ${recordTitle(target, r)}` }));
    if (current.data && !items.some((r) => String(r.id) === String(current.data.id))) {
      list.unshift({ value: current.data.id, label: `#${current.data.id} · ${recordTitle(target, current.data)}` });
    }
    return list;
  }, [found.data, current.data, target]);
  return (
    <Select
      {...rest}
      value={value}
      showSearch
      filterOption={false}
      onSearch={(s) => setQ(s.trim())}
      options={options}
      loading={found.isFetching}
      allowClear
      placeholder={t('registers.form.referencePlaceholder')}
      notFoundContent={found.isError ? found.error.message : t('registers.form.noneFound')}
      data-testid={`select-${field.name}`}
    />
  );
}

/** The parties of a mediation: name, birth year, address; rows added and removed. */
function PartiesEditor({ field, label }: { field: FieldSpec; label: string }) {
  const { t } = useTranslation();
  const thisYear = dayjs().year();
  return (
    <Form.List
      name={field.name}
      rules={[
        {
          validator: async (_, items: { name?: string }[] | undefined) => {
            const named = (items ?? []).filter((p) => p?.name?.trim());
            if (named.length < (field.minItems ?? 0)) throw new Error(t('registers.parties.required', { n: field.minItems }));
          },
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <div className="antq-reg-parties" data-testid={`field-${field.name}`}>
          <div className="antq-reg-parties__label">
            <span className="ant-form-item-label">{label}</span>
          </div>
          {rows.map((row, i) => (
            <div key={row.key} className="antq-reg-party" data-testid="party-row">
              <span className="antq-reg-party__n" aria-hidden>
                {i + 1}.
              </span>
              <Form.Item
                name={[row.name, 'name']}
                className="antq-reg-party__name"
                rules={[{ required: i === 0, whitespace: true, message: t('registers.parties.nameRequired') }]}
              >
                <Input
                  placeholder={t('registers.parties.name')}
                  aria-label={t('registers.parties.nameOf', { n: i + 1 })}
                  maxLength={200}
                  autoComplete="off"
                />
              </Form.Item>
              <Form.Item name={[row.name, 'birth_year']} className="antq-reg-party__year">
                <InputNumber
                  placeholder={t('registers.parties.birthYear')}
                  aria-label={t('registers.parties.birthYearOf', { n: i + 1 })}
                  min={1900}
                  max={thisYear}
                  precision={0}
                  inputMode="numeric"
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item name={[row.name, 'address']} className="antq-reg-party__address">
                <Input
                  placeholder={t('registers.parties.address')}
                  aria-label={t('registers.parties.addressOf', { n: i + 1 })}
                  maxLength={200}
                  autoComplete="off"
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                className="antq-reg-party__remove"
                aria-label={t('registers.parties.remove', { n: i + 1 })}
                title={t('registers.parties.remove', { n: i + 1 })}
                onClick={() => remove(row.name)}
                disabled={rows.length <= 1}
              />
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ name: '', birth_year: null, address: '' })} data-testid="party-add">
            {t('registers.parties.add')}
          </Button>
          <div className="antq-reg-parties__hint">{t('registers.parties.sealed')}</div>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}

/**
 * A list of plain items (a hotspot's milestones: title, due date, done date): one row each, dates
 * as dd/mm/yyyy, rows added and removed; `itemRequired` keys are required on every row.
 */
function ItemsEditor({ field, label }: { field: FieldSpec; label: string }) {
  const { t } = useTranslation();
  const keys = field.itemFields ?? [];
  const empty = Object.fromEntries(keys.map((k) => [k, k.endsWith('_on') ? null : '']));
  const keyLabel = (k: string) => t(`registers.items.${field.name}.${k}`, { defaultValue: k });
  return (
    <Form.List name={field.name}>
      {(rows, { add, remove }) => (
        <div className="antq-reg-items" data-testid={`field-${field.name}`}>
          <div className="antq-reg-parties__label">
            <span className="ant-form-item-label">{label}</span>
          </div>
          {rows.length === 0 && <div className="antq-reg-parties__hint">{t('registers.items.none')}</div>}
          {rows.map((row, i) => (
            <div key={row.key} className="antq-reg-item" data-testid="item-row">
              <span className="antq-reg-party__n" aria-hidden>
                {i + 1}.
              </span>
              {keys.map((k) => {
                const required = field.itemRequired?.includes(k);
                const message = t(k.endsWith('_on') ? 'registers.form.requiredChoose' : 'registers.form.required', { label: keyLabel(k) });
                return (
                  <Form.Item
                    key={k}
                    name={[row.name, k]}
                    className={`antq-reg-item__field antq-reg-item__${k.endsWith('_on') ? 'date' : 'text'}`}
                    rules={
                      required ? [k.endsWith('_on') ? { required: true, message } : { required: true, whitespace: true, message }] : []
                    }
                  >
                    {k.endsWith('_on') ? (
                      <ItemDate ariaLabel={`${keyLabel(k)} ${i + 1}`} placeholder={keyLabel(k)} />
                    ) : (
                      <Input placeholder={keyLabel(k)} aria-label={`${keyLabel(k)} ${i + 1}`} maxLength={300} autoComplete="off" />
                    )}
                  </Form.Item>
                );
              })}
              <Button
                icon={<DeleteOutlined />}
                className="antq-reg-party__remove"
                aria-label={t('registers.items.remove', { n: i + 1 })}
                title={t('registers.items.remove', { n: i + 1 })}
                onClick={() => remove(row.name)}
              />
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ ...empty })} data-testid={`item-add-${field.name}`}>
            {t('registers.items.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function ItemDate(props: {
  id?: string;
  value?: Dayjs | null;
  onChange?: (v: Dayjs | null) => void;
  ariaLabel: string;
  placeholder: string;
  disabled?: boolean;
}) {
  const { ariaLabel, placeholder, ...rest } = props;
  return <DatePicker {...rest} format="DD/MM/YYYY" placeholder={placeholder} aria-label={ariaLabel} style={{ width: '100%' }} />;
}
