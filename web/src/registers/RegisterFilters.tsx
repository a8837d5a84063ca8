/**
 * The filters above a register's list: the search box, the unit, the dates, the register's own
 * filter fields (catalogue codes, choices, years), and "clear"; on a phone behind a button.
 */
import { FilterOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import CatalogSelect from '../components/form/CatalogSelect';
import DateInput from '../components/form/DateInput';
import UnitField from '../components/form/DeferredUnitField';
import { useNarrow } from '../components/useBreakpoint';
import { matchOption } from '../lib/units';
import { useLabel, useLanguage } from './bits';
import { choiceLabel, fieldOfRegister, filterFields, type FieldSpec, type RegisterConfig } from './config';
import { dayOf } from './payload';

interface Props {
  cfg: RegisterConfig;
  /** The filter keys of the register (see filterKeys), their values from the address. */
  keys: readonly string[];
  filters: Record<string, string>;
  setFilters: (next: Record<string, string>) => void;
  unit: string | null;
  setUnit: (unit: string | null) => void;
}

export default function RegisterFilters({ cfg, keys, filters, setFilters, unit, setUnit }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const narrow = useNarrow();
  const [text, setText] = useState(filters.q ?? '');
  const [showFilters, setShowFilters] = useState(false);
  useEffect(() => setText(filters.q ?? ''), [filters.q]);

  const dateField = cfg.dateField ? fieldOfRegister(cfg, cfg.dateField) : undefined;
  const anyFilter = keys.some((k) => filters[k]) || !!unit;
  const activeFilters = keys.filter((k) => k !== 'q' && filters[k] && !(k === 'to' && filters.from)).length + (unit ? 1 : 0);
  const search = cfg.pseudonymous ? t('registers.list.searchPseudonymous') : t('registers.list.search');

  return (
    <div className="antq-reg-filters" data-testid="register-filters">
      <div className="antq-reg-filter antq-reg-filter--wide">
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setFilters({ q: v })}
          placeholder={search}
          aria-label={search}
          enterButton={t('registers.list.searchButton')}
          allowClear
          maxLength={200}
          data-testid="filter-q"
        />
      </div>
      {narrow && (
        <div className="antq-reg-filter">
          <Button
            icon={<FilterOutlined />}
            onClick={() => setShowFilters(!showFilters)}
            aria-expanded={showFilters}
            data-testid="filters-toggle"
          >
            {showFilters ? t('registers.list.hideFilters') : t('registers.list.showFilters', { n: activeFilters })}
          </Button>
        </div>
      )}
      {(!narrow || showFilters) && (
        <>
          <div className="antq-reg-filter">
            <span className="antq-reg-filter__label">{t('registers.list.unit')}</span>
            <UnitField value={unit} onChange={setUnit} />
          </div>
          {dateField && (
            <>
              <label className="antq-reg-filter antq-reg-filter--date">
                <span className="antq-reg-filter__label">{t('registers.list.from', { label: label(dateField.label) })}</span>
                <DateInput value={dayOf(filters.from)} onChange={(d) => setFilters({ from: d?.format('YYYY-MM-DD') ?? '' })} />
              </label>
              <label className="antq-reg-filter antq-reg-filter--date">
                <span className="antq-reg-filter__label">{t('registers.list.to')}</span>
                <DateInput value={dayOf(filters.to)} onChange={(d) => setFilters({ to: d?.format('YYYY-MM-DD') ?? '' })} />
              </label>
            </>
          )}
          {filterFields(cfg).map((f) => (
            <label key={f.name} className="antq-reg-filter" data-testid={`filter-${f.name}`}>
              <span className="antq-reg-filter__label">{label(f.label)}</span>
              <FieldFilter field={f} value={filters[f.name] ?? ''} onChange={(v) => setFilters({ [f.name]: v })} />
            </label>
          ))}
          {anyFilter && (
            <div className="antq-reg-filter antq-reg-filter--end">
              <Button
                onClick={() => {
                  setFilters(Object.fromEntries(keys.map((k) => [k, ''])));
                  setUnit(null);
                }}
                data-testid="filters-reset"
              >
                {t('registers.list.reset')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** The control of one filter field: a catalogue code, a choice or a year ("" when none). */
function FieldFilter({ field: f, value, onChange }: { field: FieldSpec; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (f.type === 'code' || f.type === 'codes')
    return (
      <CatalogSelect
        field={f}
        value={value || undefined}
        onChange={(v) => onChange(typeof v === 'string' ? v : '')}
        allowClear
        placeholder={t('registers.list.all')}
      />
    );
  if (f.type === 'choice')
    return (
      <Select
        allowClear
        placeholder={t('registers.list.all')}
        value={value || undefined}
        onChange={(v?: string) => onChange(v ?? '')}
        options={(f.choices ?? []).map((c) => ({ value: c.code, label: choiceLabel(f, c.code, lang) }))}
        showSearch
        filterOption={matchOption}
      />
    );
  return (
    <InputNumber
      value={value ? Number(value) : null}
      onChange={(v) => onChange(v ? String(v) : '')}
      min={1900}
      max={2100}
      precision={0}
      placeholder={t('registers.list.all')}
      style={{ width: '100%' }}
    />
  );
}
