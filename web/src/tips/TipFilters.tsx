import { Button, Checkbox, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../accounts/auth';
import { SelectFilter, UnitFilter } from '../components/FilterBar';
import { rangeSeparator } from '../components/form/rangeSeparator';
import { useNarrow } from '../components/useBreakpoint';
import { useTipCategories } from './TipBits';
import { FILTERS, type TipFilterValues } from './filters';
import { TIP_STATUSES, sortStatuses } from './workflow';

interface Props {
  filters: TipFilterValues;
  setFilters: (f: Partial<TipFilterValues>) => void;
  unit: string | null;
  setUnit: (code: string | null) => void;
}

/** The inbox's filters (kept in the address); on a phone they fold away behind a button, the search box stays. */
export default function TipFilters({ filters, setFilters, unit, setUnit }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q);
  const [showFilters, setShowFilters] = useState(false);
  const { categories, label: categoryLabel } = useTipCategories();
  const narrow = useNarrow();

  useEffect(() => setText(filters.q), [filters.q]);

  const statuses = filters.status ? filters.status.split(',').filter(Boolean) : [];
  const anyFilter = FILTERS.some((k) => filters[k]) || !!unit;
  // filters in use besides the search box (shown on the phone's "Bộ lọc" button)
  const activeFilters = FILTERS.filter((k) => k !== 'q' && filters[k] && !(k === 'to' && filters.from)).length + (unit ? 1 : 0);

  return (
    <div className="antq-tip-filters" data-testid="tip-filters">
      <div className="antq-tip-filter antq-tip-filter--wide">
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setFilters({ q: v })}
          placeholder={t('tips.filter.search')}
          aria-label={t('tips.filter.search')}
          enterButton={t('tips.filter.searchButton')}
          allowClear
          maxLength={200}
          data-testid="filter-q"
        />
      </div>
      {narrow && (
        <div className="antq-tip-filter">
          <Button onClick={() => setShowFilters(!showFilters)} aria-expanded={showFilters} data-testid="filters-toggle">
            {showFilters ? t('tips.filter.hide') : t('tips.filter.show', { n: activeFilters })}
          </Button>
        </div>
      )}
      {(!narrow || showFilters) && (
        <>
          <label className="antq-tip-filter">
            <span className="antq-tip-filter__label">{t('tips.filter.status')}</span>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('tips.filter.statusPlaceholder')}
              value={statuses}
              onChange={(v: string[]) => setFilters({ status: sortStatuses(v).join(',') })}
              options={TIP_STATUSES.map((s) => ({ value: s, label: t(`tips.status.${s}`) }))}
              data-testid="filter-status"
            />
          </label>
          <SelectFilter
            bar="tip"
            label={t('tips.filter.category')}
            placeholder={t('tips.filter.categoryPlaceholder')}
            value={filters.category}
            onChange={(category) => setFilters({ category })}
            options={categories.map((c) => ({ value: c.code, label: categoryLabel(c.code) }))}
          />
          <UnitFilter bar="tip" label={t('tips.filter.unit')} unit={unit} setUnit={setUnit} />
          <label className="antq-tip-filter">
            <span className="antq-tip-filter__label">{t('tips.filter.dates')}</span>
            <DatePicker.RangePicker
              format="DD/MM/YYYY"
              allowEmpty={[true, true]}
              separator={rangeSeparator}
              placeholder={[t('tips.filter.from'), t('tips.filter.to')]}
              value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
              onChange={(v) => setFilters({ from: v?.[0]?.format('YYYY-MM-DD') ?? '', to: v?.[1]?.format('YYYY-MM-DD') ?? '' })}
              style={{ width: '100%' }}
            />
          </label>
          <AssigneeFilter value={filters.assignee} onChange={(assignee) => setFilters({ assignee })} />
          <div className="antq-tip-filter antq-tip-filter--check">
            <Checkbox
              checked={filters.overdue === 'true'}
              onChange={(e) => setFilters({ overdue: e.target.checked ? 'true' : '' })}
              data-testid="filter-overdue"
            >
              {t('tips.filter.overdue')}
            </Checkbox>
          </div>
          {anyFilter && (
            <div className="antq-tip-filter antq-tip-filter--check">
              <Button
                onClick={() => {
                  setFilters(Object.fromEntries(FILTERS.map((k) => [k, ''])));
                  setUnit(null);
                }}
              >
                {t('tips.filter.reset')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** Whose tips: a username typed (sent on Enter or when leaving the field), or "mine". */
function AssigneeFilter({ value, onChange }: { value: string; onChange: (assignee: string) => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [assignee, setAssignee] = useState(value);
  useEffect(() => setAssignee(value), [value]);
  return (
    <label className="antq-tip-filter">
      <span className="antq-tip-filter__label">{t('tips.filter.assignee')}</span>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={assignee}
          placeholder={t('tips.filter.assigneePlaceholder')}
          onChange={(e) => setAssignee(e.target.value)}
          onPressEnter={() => onChange(assignee)}
          onBlur={() => assignee !== value && onChange(assignee)}
          allowClear
          maxLength={64}
          autoComplete="off"
        />
        {user && <Button onClick={() => onChange(user.username)}>{t('tips.filter.mine')}</Button>}
      </Space.Compact>
    </label>
  );
}
