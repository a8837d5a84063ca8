/**
 * The quick activity form's fields (QuickActivity.tsx), on the browser's own controls: the unit
 * (the officer's own, its tree loaded after the page), the type from the catalogue, the day
 * (dd/mm/yyyy, or the phone's own calendar; no future day), the content, the organising forces as
 * chips, the number of participants (grouped as 1.200), the photos.
 */
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import DayTextInput from '../components/form/DayTextInput';
import NativeField, { invalidProps } from '../components/form/NativeField';
import NativeSelect from '../components/form/NativeSelect';
import UnitField from '../components/form/DeferredUnitField';
import { useCatalog } from './catalog';
import { REGISTER_BY_NAME, fieldOfRegister } from './config';
import { useLabel } from './labels';
import { todayVN } from './payload';
import { PhotoInput } from './Photos';
import { TITLE_MAX, groupedCount, type QuickActivityErrors, type QuickActivityField, type QuickActivityValues } from './quickActivity';

const cfg = REGISTER_BY_NAME.activities;

/** The label of one of the activity register's fields, in the shown language. */
export function useActivityLabel() {
  const label = useLabel();
  return (name: QuickActivityField) => label(fieldOfRegister(cfg, name)!.label);
}

export default function QuickActivityFields({
  values,
  errors,
  set,
  disabled,
}: {
  values: QuickActivityValues;
  errors: QuickActivityErrors;
  set: <K extends keyof QuickActivityValues>(name: K, value: QuickActivityValues[K]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const fieldLabel = useActivityLabel();
  const { catalog, options } = useCatalog();
  return (
    <>
      <NativeField id="unit" label={t('registers.form.unit')} error={errors.unit}>
        <UnitField
          id="unit"
          size="large"
          value={values.unit}
          onChange={(v) => set('unit', v)}
          disabled={disabled}
          status={errors.unit ? 'error' : undefined}
          aria-label={t('registers.form.unit')}
          {...invalidProps('unit', errors.unit)}
        />
      </NativeField>
      <NativeField id="type" label={fieldLabel('type')} error={errors.type}>
        <NativeSelect
          id="type"
          value={values.type}
          onChange={(v) => set('type', v)}
          placeholder={catalog.isPending ? t('registers.form.loading') : t('registers.form.choose')}
          options={options('activity_types', values.type ? [values.type] : [])}
          {...invalidProps('type', errors.type)}
          data-testid="quick-type"
        />
        {catalog.isError && <div className="antq-nf__error">{catalog.error.message}</div>}
      </NativeField>
      <NativeField id="date" label={fieldLabel('date')} error={errors.date}>
        <DayTextInput
          id="date"
          value={values.date}
          onChange={(v) => set('date', v)}
          max={todayVN()}
          calendarLabel={t('registers.quick.calendar')}
          {...invalidProps('date', errors.date)}
        />
      </NativeField>
      <NativeField id="title" label={fieldLabel('title')} error={errors.title}>
        <textarea
          id="title"
          className="antq-nf__control"
          rows={2}
          maxLength={TITLE_MAX}
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
          placeholder={t('registers.quick.titlePlaceholder')}
          {...invalidProps('title', errors.title)}
          data-testid="quick-title"
        />
      </NativeField>
      <NativeField id="organizers" label={fieldLabel('organizers')} error={errors.organizers} group>
        <ForceChips
          id="organizers"
          value={values.organizers}
          onChange={(v) => set('organizers', v)}
          disabled={disabled}
          error={errors.organizers}
        />
      </NativeField>
      <NativeField id="participants" label={fieldLabel('participants')} error={errors.participants}>
        <input
          id="participants"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="antq-nf__control antq-nf__count"
          placeholder="0"
          value={values.participants}
          // digits as typed (a dot or space between groups kept), grouped as 1.200 once the
          // officer moves on: regrouping at each key would move the cursor
          onChange={(e) => set('participants', e.target.value.replace(/[^\d.\s]/g, ''))}
          onBlur={() => set('participants', groupedCount(values.participants))}
          {...invalidProps('participants', errors.participants)}
        />
      </NativeField>
      <NativeField id="photos" label={t('registers.photos.title')} group>
        <div role="group" aria-labelledby="photos-label">
          <PhotoInput id="photos" value={values.photos} onChange={(v) => set('photos', v)} disabled={disabled} />
        </div>
      </NativeField>
    </>
  );
}

/** The organising forces as chips: one tap each, several at once. */
function ForceChips(props: { id: string; value: string[]; onChange: (v: string[]) => void; disabled?: boolean; error?: string }) {
  const { value, onChange, id, disabled, error } = props;
  const { options } = useCatalog();
  return (
    <div
      id={id}
      className="antq-reg-chips"
      role="group"
      aria-labelledby={`${id}-label`}
      {...(error ? { 'aria-describedby': `${id}-error` } : {})}
      data-testid="quick-organizers"
    >
      {options('forces', value).map((o) => {
        const on = value.includes(o.value);
        return (
          <button
            key={o.value}
            type="button"
            aria-pressed={on}
            disabled={disabled}
            className={on ? 'antq-reg-chip antq-reg-chip--on' : 'antq-reg-chip'}
            onClick={() => onChange(on ? value.filter((v) => v !== o.value) : [...value, o.value])}
          >
            {on && <CheckOutlined aria-hidden />} {o.label}
          </button>
        );
      })}
    </div>
  );
}
