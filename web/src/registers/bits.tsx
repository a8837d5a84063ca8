/** Small pieces the register pages share: the catalogue, labels in the shown language, values. */
import { Divider, Form, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import DateInput from '../components/form/DateInput';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import type { RegisterRecord } from './api';
import { milestoneSummary } from './payload';
import { choiceLabel, type FieldSpec, type RegisterConfig } from './config';
import { useLabel, useLanguage } from './labels';
import { useCatalog } from './catalog';

// the language, labels and catalogue: in modules of their own (the workspace's quick start and the
// quick form need them alone, without this module's date picker)
export { useCatalog, useLabel, useLanguage };

const CHOICE_COLOR: Record<string, string> = {
  pending: 'gold',
  received: 'blue',
  successful: 'green',
  answered: 'green',
  kept: 'green',
  unsuccessful: 'red',
  broken: 'red',
  transferred: 'purple',
  forwarded: 'purple',
  // reintegration
  active: 'blue',
  progressing: 'cyan',
  completed: 'green',
  reoffended: 'red',
  moved: 'default',
  // hotspots
  designated: 'orange',
  transforming: 'gold',
  transformed: 'green',
  removed: 'default',
};

/** A record's value as text or tags: catalogue labels, choice labels, dd/mm/yyyy, 16.000. */
export function FieldValue({ field, record }: { field: FieldSpec; record: RegisterRecord }) {
  const lang = useLanguage();
  const { t } = useTranslation();
  const { label } = useCatalog();
  const value = record[field.name];
  switch (field.type) {
    case 'code':
      return typeof value === 'string' && field.catalog ? <span>{label(field.catalog, value)}</span> : null;
    case 'codes':
      return Array.isArray(value) && field.catalog ? (
        <span className="antq-reg-tags">
          {value.map((c: string) => (
            <Tag key={c} className="antq-wrap-tag">
              {label(field.catalog!, c)}
            </Tag>
          ))}
        </span>
      ) : null;
    case 'choice':
      return typeof value === 'string' && value ? (
        <Tag color={CHOICE_COLOR[value] ?? 'default'} className="antq-wrap-tag" data-testid={`value-${field.name}`}>
          {choiceLabel(field, value, lang)}
        </Tag>
      ) : null;
    case 'date':
      return <span className="antq-nowrap">{formatDate(value as string | null)}</span>;
    case 'datetime':
      return <span className="antq-nowrap">{formatDateTime(value as string | null)}</span>;
    case 'count':
      return <span>{formatNumber(typeof value === 'number' ? value : 0)}</span>;
    case 'year':
      return <span>{typeof value === 'number' ? String(value) : ''}</span>;
    case 'people': {
      const n =
        typeof record[`${field.name}_count`] === 'number'
          ? (record[`${field.name}_count`] as number)
          : Array.isArray(value)
            ? value.length
            : 0;
      return <span>{t('registers.parties.count', { n: formatNumber(n) })}</span>;
    }
    case 'boolean':
      return <span>{value ? '✓' : ''}</span>;
    case 'items': {
      const m = milestoneSummary(value);
      if (!m.total) return null;
      return (
        <span className="antq-nowrap" data-testid={`value-${field.name}`}>
          {t('registers.items.summary', { done: m.done, total: m.total })}
          {m.late > 0 && (
            <Tag color="red" className="antq-reg-late">
              {t('registers.items.late', { n: m.late })}
            </Tag>
          )}
        </span>
      );
    }
    case 'reference':
      return typeof value === 'number' || (typeof value === 'string' && value) ? (
        <Typography.Text type="secondary">#{String(value)}</Typography.Text>
      ) : null;
    default:
      return typeof value === 'string' ? <span>{value}</span> : null;
  }
}

/** The text that names a record (its title field), or its number. */
export function recordTitle(cfg: RegisterConfig, record: RegisterRecord): string {
  const v = record[cfg.titleField];
  return typeof v === 'string' && v.trim() ? v : `#${record.id}`;
}

/**
 * What the record drawer shows under a record's form (a model's replications, a group's members):
 * a heading with a one-line summary and the section's button, then the section itself.
 */
export function RecordExtra({
  name,
  title,
  summary,
  action,
  children,
}: {
  /** The section's test id, and its heading's id with "-title". */
  name: string;
  title: string;
  summary: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="antq-reg-extra" data-testid={name} aria-labelledby={`${name}-title`}>
      <Divider />
      <div className="antq-reg-extra__head">
        <div>
          <Typography.Title level={4} id={`${name}-title`} className="antq-reg-extra__title">
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">{summary}</Typography.Text>
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}

/** A form's required day, today or before ("Chọn …" when missing). */
export function PastDayItem({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('registers.form.requiredChoose', { label }) }]}>
      <DateInput noFuture />
    </Form.Item>
  );
}
