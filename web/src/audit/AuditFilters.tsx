import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { matchOption } from '../lib/units';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditOptions } from './labels';

export const FILTERS = ['actor', 'action', 'entity', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const API_DATE = 'YYYY-MM-DD';
const SHOWN_DATE = 'DD/MM/YYYY';

interface FilterValues {
  actor?: string;
  action?: string;
  entity?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

function toDay(value: string): Dayjs | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = dayjs(value);
  return d.isValid() ? d : null;
}

/** The trail's filters: who, which action, on what, between which days (kept in the address). */
export default function AuditFilters({ filters, setFilters }: { filters: Filters; setFilters: (f: Filters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();

  // the form shows what the URL says (after a reload, the browser's back button, …)
  useEffect(() => {
    form.setFieldsValue({
      actor: filters.actor,
      action: filters.action || undefined,
      entity: filters.entity || undefined,
      from: toDay(filters.from),
      to: toDay(filters.to),
    });
  }, [form, filters.actor, filters.action, filters.entity, filters.from, filters.to]);

  const apply = (v: FilterValues) =>
    setFilters({
      actor: v.actor ?? '',
      action: v.action ?? '',
      entity: v.entity ?? '',
      from: v.from ? v.from.format(API_DATE) : '',
      to: v.to ? v.to.format(API_DATE) : '',
    });
  const clear = () => {
    form.resetFields();
    setFilters({ actor: '', action: '', entity: '', from: '', to: '' });
  };

  return (
    <Form<FilterValues> form={form} layout="vertical" onFinish={apply} className="antq-filters" data-testid="audit-filters">
      <Form.Item name="actor" label={t('audit.filter.actor')}>
        <Input allowClear maxLength={64} autoComplete="off" placeholder={t('audit.filter.actorPlaceholder')} />
      </Form.Item>
      <CatalogFilter name="action" values={AUDIT_ACTIONS} labels="auditAction" popupWidth={320} />
      <CatalogFilter name="entity" values={AUDIT_ENTITIES} labels="auditEntity" popupWidth={280} />
      <Form.Item name="from" label={t('audit.filter.from')}>
        <DatePicker format={SHOWN_DATE} placeholder={t('audit.filter.datePlaceholder')} className="antq-filters__date" />
      </Form.Item>
      <Form.Item
        name="to"
        label={t('audit.filter.to')}
        dependencies={['from']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, to: Dayjs | null | undefined) => {
              const from = getFieldValue('from') as Dayjs | null | undefined;
              return from && to && to.isBefore(from, 'day') ? Promise.reject(new Error(t('audit.filter.toBeforeFrom'))) : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker format={SHOWN_DATE} placeholder={t('audit.filter.datePlaceholder')} className="antq-filters__date" />
      </Form.Item>
      <Form.Item label={<span className="antq-sr-only">{t('audit.filter.apply')}</span>} className="antq-filters__actions">
        <div className="antq-form-actions">
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-filter-apply">
            {t('audit.filter.apply')}
          </Button>
          <Button onClick={clear}>{t('audit.filter.clear')}</Button>
        </div>
      </Form.Item>
    </Form>
  );
}

/** A searchable choice among the trail's actions or kinds of records. */
function CatalogFilter({
  name,
  values,
  labels,
  popupWidth,
}: {
  name: 'action' | 'entity';
  values: readonly string[];
  labels: Parameters<typeof auditOptions>[1];
  popupWidth: number;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={t(`audit.filter.${name}`)}>
      <Select
        allowClear
        showSearch
        placeholder={t(`audit.filter.${name}Placeholder`)}
        options={auditOptions(t, labels, values)}
        filterOption={matchOption}
        popupMatchSelectWidth={popupWidth}
        data-testid={`audit-filter-${name}`}
      />
    </Form.Item>
  );
}
