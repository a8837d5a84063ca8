/** The form's first card: the unit that receives the tip, the place, and the phone's location. */
import { Suspense, lazy, useState, type Dispatch } from 'react';
import { formatNumber } from '../../lib/format';
import type { Unit, UnitDetail } from '../api';
import { useI18n } from '../i18n';
import { PinIcon } from '../icons';
import { Alert, Field, Spinner, describedBy } from '../ui';
import { withError, withoutError, type Draft, type DraftAction, type Geo } from './draft';

// the unit chooser is not needed when the QR poster's link names the unit (the usual way in);
// without it, the chooser is fetched at once
const loadChooser = () => import('../UnitChooser');
const UnitChooser = lazy(loadChooser);
if (!new URLSearchParams(window.location.search).get('unit')) void loadChooser();

export type PresetState = 'none' | 'loading' | 'ok' | 'missing';

export interface UnitChoice {
  presetCode: string | null;
  preset: UnitDetail | null;
  presetState: PresetState;
  /** Back to choosing a unit by hand. */
  change: () => void;
  choose: (u: Unit | null) => void;
}

export function WhereSection({ draft, dispatch, units, disabled }: { draft: Draft; dispatch: Dispatch<DraftAction>; units: UnitChoice; disabled: boolean }) {
  const { t } = useI18n();
  const { errors } = draft;
  const { preset, presetState } = units;
  return (
    <fieldset className="p-card" disabled={disabled}>
      <legend className="p-card__title">{t('submit.section.where')}</legend>
      {presetState === 'loading' && (
        <p className="p-muted">
          <Spinner /> {t('common.loading')}
        </p>
      )}
      {presetState === 'ok' && preset && (
        <div className="p-preset" data-testid="unit-preset">
          <div className="p-label">{t('submit.unit.presetLabel')}</div>
          <div className="p-preset__name">{preset.full_name}</div>
          {preset.ancestors.length > 0 && <div className="p-muted">{[...preset.ancestors].reverse().map((a) => a.full_name).join(', ')}</div>}
          <button type="button" id="unit-change" className="p-link-btn" onClick={units.change}>
            {t('submit.unit.change')}
          </button>
        </div>
      )}
      {presetState === 'missing' && <Alert kind="warning">{t('submit.unit.notFound', { code: units.presetCode ?? '' })}</Alert>}
      {(presetState === 'none' || presetState === 'missing') && (
        <Suspense fallback={<Spinner />}>
          <UnitChooser
            onChange={(u) => {
              units.choose(u);
              if (u) dispatch(withoutError('unit'));
            }}
            error={errors.unit}
          />
        </Suspense>
      )}
      {presetState === 'ok' && errors.unit && <div className="p-error-text">{errors.unit}</div>}

      <Field id="tip-place" label={t('submit.place')} optional error={errors.place} extra={<Location draft={draft} dispatch={dispatch} />}>
        <input
          id="tip-place"
          className="p-input"
          value={draft.place}
          maxLength={500}
          placeholder={t('submit.place.placeholder')}
          aria-describedby={describedBy('tip-place', false, errors.place)}
          onChange={(e) => dispatch({ place: e.target.value })}
        />
      </Field>
    </fieldset>
  );
}

/** The phone's position, asked of the browser when the visitor wants it. */
function Location({ draft, dispatch }: { draft: Draft; dispatch: Dispatch<DraftAction> }) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  const { geo } = draft;
  const setError = (message: string | undefined) => dispatch(withError('location', message));

  function locate() {
    if (!('geolocation' in navigator)) {
      setError(t('submit.location.unsupported'));
      return;
    }
    setLocating(true);
    setError(undefined);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        const value: Geo = { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: pos.coords.accuracy };
        dispatch({ geo: value });
      },
      () => {
        setLocating(false);
        setError(t('submit.location.denied'));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  return (
    <div className="p-geo">
      {geo ? (
        <div className="p-geo__got" data-testid="geo">
          <span>
            <PinIcon />{' '}
            {t('submit.location.got', {
              lat: formatNumber(geo.lat, 5),
              lng: formatNumber(geo.lng, 5),
              accuracy: formatNumber(Math.round(geo.accuracy), 0),
            })}
          </span>
          <button type="button" className="p-link-btn" onClick={() => dispatch({ geo: null })}>
            {t('submit.location.remove')}
          </button>
        </div>
      ) : (
        <button type="button" className="p-btn p-btn--small" onClick={locate} disabled={locating}>
          {locating ? (
            <>
              <Spinner /> {t('submit.location.locating')}
            </>
          ) : (
            <>
              <PinIcon /> {t('submit.location.use')}
            </>
          )}
        </button>
      )}
      {draft.errors.location && <div className="p-hint">{draft.errors.location}</div>}
    </div>
  );
}
