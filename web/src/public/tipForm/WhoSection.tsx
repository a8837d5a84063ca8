/** The form's third card: anonymous or named, and the reporter's details when named. */
import type { Dispatch } from 'react';
import { useI18n } from '../i18n';
import { Alert, Field } from '../ui';
import type { Draft, DraftAction, Reporter } from './draft';

export function WhoSection({ draft, dispatch, disabled }: { draft: Draft; dispatch: Dispatch<DraftAction>; disabled: boolean }) {
  const { t } = useI18n();
  const { anonymous, reporter, errors } = draft;
  const set = (field: keyof Reporter) => (value: string) => dispatch({ reporter: { ...reporter, [field]: value } });
  return (
    <fieldset className="p-card" disabled={disabled}>
      <legend className="p-card__title">{t('submit.section.who')}</legend>
      <label className="p-switch" htmlFor="tip-anonymous">
        <input
          id="tip-anonymous"
          type="checkbox"
          role="switch"
          checked={anonymous}
          onChange={(e) => dispatch({ anonymous: e.target.checked })}
          data-testid="anonymous"
        />
        <span className="p-switch__track" aria-hidden="true" />
        <span className="p-switch__label">{t('submit.anonymous')}</span>
      </label>
      <p className="p-hint">{anonymous ? t('submit.anonymous.on') : t('submit.anonymous.off')}</p>
      {!anonymous && (
        <div className="p-reporter" data-testid="reporter-fields">
          {errors.reporter && <Alert kind="error">{errors.reporter}</Alert>}
          <ReporterInput id="reporter-name" label={t('submit.reporter.name')} value={reporter.name} autoComplete="name" onChange={set('name')} />
          <ReporterInput id="reporter-phone" label={t('submit.reporter.phone')} value={reporter.phone} type="tel" autoComplete="tel" onChange={set('phone')} />
          <ReporterInput
            id="reporter-email"
            label={t('submit.reporter.email')}
            value={reporter.email}
            type="email"
            autoComplete="email"
            optional
            onChange={set('email')}
          />
          <ReporterInput
            id="reporter-address"
            label={t('submit.reporter.address')}
            value={reporter.address}
            autoComplete="street-address"
            optional
            onChange={set('address')}
          />
        </div>
      )}
    </fieldset>
  );
}

function ReporterInput(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  autoComplete?: string;
  optional?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} optional={props.optional}>
      <input
        id={props.id}
        className="p-input"
        type={props.type ?? 'text'}
        value={props.value}
        maxLength={200}
        autoComplete={props.autoComplete}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}
