/**
 * The controls of a staff list's filter bar, each with its label above it: the unit, a year, a
 * choice from a list. `bar` names the bar's styles: `reg` (the registers' and evaluations' lists,
 * registers.css) or `tip` (the tip inbox, tips.css).
 */
import { InputNumber, Select } from 'antd';
import UnitField from './form/DeferredUnitField';

type Bar = 'reg' | 'tip';

/** The unit filter (the unit tree with its search). */
export function UnitFilter({
  label,
  unit,
  setUnit,
  bar = 'reg',
}: {
  label: string;
  unit: string | null;
  setUnit: (unit: string | null) => void;
  bar?: Bar;
}) {
  return (
    <div className={bar === 'reg' ? 'antq-reg-filter antq-reg-filter--wide' : 'antq-tip-filter'}>
      <span className={`antq-${bar}-filter__label`}>{label}</span>
      <UnitField value={unit} onChange={setUnit} />
    </div>
  );
}

/** A year (2000 to 2100); `placeholder` is shown while there is none. */
export function YearFilter({
  label,
  value,
  onChange,
  placeholder,
  testId,
}: {
  label: string;
  value: number | null;
  onChange: (year: number | null) => void;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <label className="antq-reg-filter">
      <span className="antq-reg-filter__label">{label}</span>
      <InputNumber
        value={value}
        onChange={onChange}
        min={2000}
        max={2100}
        precision={0}
        placeholder={placeholder}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    </label>
  );
}

/** One choice from a list, or none ('' = all). */
export function SelectFilter({
  label,
  placeholder,
  value,
  onChange,
  options,
  testId,
  bar = 'reg',
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  testId?: string;
  bar?: Bar;
}) {
  return (
    <label className={`antq-${bar}-filter`}>
      <span className={`antq-${bar}-filter__label`}>{label}</span>
      <Select
        allowClear
        placeholder={placeholder}
        value={value || undefined}
        onChange={(v?: string) => onChange(v ?? '')}
        options={options}
        data-testid={testId}
      />
    </label>
  );
}
