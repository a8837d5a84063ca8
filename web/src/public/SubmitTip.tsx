/** `/gui-tin-bao`: the citizen's tip form, and the tracking code and secret once it is sent. */
import { Suspense, lazy, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatNumber } from '../lib/format';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, descriptionProblem, parseOccurredAt, textLength } from '../lib/tips';
import {
  PublicApiError,
  getCategories,
  getUnit,
  sendTip,
  uploadAttachment,
  type Category,
  type NewTip,
  type SentTip,
  type Unit,
  type UnitDetail,
} from './api';
import { ChallengeSolver } from './challenge';
import { LockIcon, PinIcon } from './icons';
import type { UploadResult } from './Sent';
import { useI18n } from './i18n';
import { FilePicker, KeepLocation, pickFiles } from './files';
import { Alert, Field, Spinner, describedBy, errorText } from './ui';

type Errors = Partial<Record<'unit' | 'category' | 'description' | 'occurred_at' | 'place' | 'reporter' | 'files' | 'location', string>>;

interface Geo {
  lat: number;
  lng: number;
  accuracy: number;
}


type Phase = 'idle' | 'challenge' | 'sending' | 'uploading';

// the answer screen is needed only once a tip is sent: loaded then (and fetched while sending)
const loadSent = () => import('./Sent');
const Sent = lazy(loadSent);
// the unit chooser is not needed when the QR poster's link names the unit (the usual way in);
// without it, the chooser is fetched at once
const loadChooser = () => import('./UnitChooser');
const UnitChooser = lazy(loadChooser);
if (!new URLSearchParams(window.location.search).get('unit')) void loadChooser();

/** The API field an error names → the form's field. */
function formField(field: string | undefined): keyof Errors | null {
  if (!field) return null;
  if (field === 'lat' || field === 'lng') return 'location';
  if (field.startsWith('reporter')) return 'reporter';
  if (['unit', 'category', 'description', 'occurred_at', 'place'].includes(field)) return field as keyof Errors;
  return null;
}

export default function SubmitTip() {
  const { t, lang } = useI18n();
  const presetCode = useMemo(() => new URLSearchParams(window.location.search).get('unit')?.trim() || null, []);
  const solver = useMemo(() => new ChallengeSolver(), []);

  const [preset, setPreset] = useState<UnitDetail | null>(null);
  const [presetState, setPresetState] = useState<'none' | 'loading' | 'ok' | 'missing'>(presetCode ? 'loading' : 'none');
  const [chosen, setChosen] = useState<Unit | null>(null);
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [categoriesError, setCategoriesError] = useState<unknown>(null);

  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [occurredDate, setOccurredDate] = useState('');
  const [occurredTime, setOccurredTime] = useState('');
  const [place, setPlace] = useState('');
  const [geo, setGeo] = useState<Geo | null>(null);
  const [locating, setLocating] = useState(false);
  const [anonymous, setAnonymous] = useState(true);
  const [reporter, setReporter] = useState({ name: '', phone: '', email: '', address: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [keepLocation, setKeepLocation] = useState(false);

  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [uploadStep, setUploadStep] = useState({ i: 0, n: 0 });
  const [done, setDone] = useState<{ tip: SentTip; uploads: UploadResult[] } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  /** Forgets a field's error once the visitor changes it. */
  const clear = (field: keyof Errors) => setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev));

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('submit.pageTitle') });
  }, [t]);

  useEffect(() => {
    const ac = new AbortController();
    getCategories(ac.signal)
      .then((r) => setCategories(r.items))
      .catch((e: unknown) => {
        if (!ac.signal.aborted) setCategoriesError(e);
      });
    if (presetCode) {
      getUnit(presetCode, ac.signal)
        .then(async (u) => {
          // a unit merged away by the reform: the tip goes to its successor
          if (u.active === false && u.successor) u = await getUnit(u.successor.code, ac.signal);
          setPreset(u);
          setPresetState('ok');
        })
        .catch(() => {
          if (!ac.signal.aborted) setPresetState('missing');
        });
    }
    return () => ac.abort();
  }, [presetCode]);

  const unit: Unit | null = presetState === 'ok' ? preset : chosen;
  const busy = phase !== 'idle';
  // the challenge is the unit's (harder where a flood of tips arrives): asked again when it changes
  const unitCode = unit?.code;
  useEffect(() => {
    if (unitCode && formRef.current?.contains(document.activeElement)) solver.prepare(unitCode);
  }, [unitCode, solver]);
  useEffect(() => () => solver.reset(), [solver]);

  const categoryLabel = (c: Category) => (lang === 'en' && c.label_en ? c.label_en : c.label);

  function validate(): Errors {
    const e: Errors = {};
    if (!unit) e.unit = t('submit.unit.required');
    if (!category) e.category = t('submit.category.required');
    const d = descriptionProblem(description);
    if (d === 'short') e.description = t('submit.description.short', { min: DESCRIPTION_MIN });
    if (d === 'long') e.description = t('submit.description.long', { max: formatNumber(DESCRIPTION_MAX) });
    const occurred = parseOccurredAt(occurredDate, occurredTime);
    if (occurred.problem) e.occurred_at = t(`submit.occurredAt.${occurred.problem}`);
    else if (occurred.value && Date.parse(occurred.value) > Date.now() + 5 * 60_000) e.occurred_at = t('submit.occurredAt.future');
    if (!anonymous && !reporter.name.trim() && !reporter.phone.trim()) e.reporter = t('submit.reporter.required');
    return e;
  }

  function focusFirstError(e: Errors) {
    const order: [keyof Errors, string][] = [
      ['unit', '#unit-level-0, #unit-change'],
      ['category', '#tip-category'],
      ['description', '#tip-description'],
      ['occurred_at', '#tip-occurred-date'],
      ['place', '#tip-place'],
      ['reporter', '#reporter-name'],
    ];
    for (const [k, sel] of order) {
      if (!e[k]) continue;
      const el = formRef.current?.querySelector<HTMLElement>(sel);
      el?.focus();
      el?.scrollIntoView({ block: 'center' });
      return;
    }
  }

  function addFiles(list: FileList | null) {
    const picked = pickFiles(files, list, t);
    setFiles(picked.files);
    setErrors((prev) => ({ ...prev, files: picked.problem }));
  }

  function locate() {
    if (!('geolocation' in navigator)) {
      setErrors((prev) => ({ ...prev, location: t('submit.location.unsupported') }));
      return;
    }
    setLocating(true);
    setErrors((prev) => ({ ...prev, location: undefined }));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setGeo({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: pos.coords.accuracy });
      },
      () => {
        setLocating(false);
        setErrors((prev) => ({ ...prev, location: t('submit.location.denied') }));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (busy) return;
    setFailure(null);
    const found = validate();
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstError(found);
      return;
    }
    void loadSent();
    const body: NewTip = {
      unit: unit!.code,
      category,
      description: description.trim(),
      anonymous,
    };
    const occurred = parseOccurredAt(occurredDate, occurredTime).value;
    if (occurred) body.occurred_at = occurred;
    if (place.trim()) body.place = place.trim();
    if (geo) {
      body.lat = Math.round(geo.lat * 1e6) / 1e6;
      body.lng = Math.round(geo.lng * 1e6) / 1e6;
    }
    if (!anonymous) {
      const r: NonNullable<NewTip['reporter']> = {};
      for (const k of ['name', 'phone', 'email', 'address'] as const) if (reporter[k].trim()) r[k] = reporter[k].trim();
      body.reporter = r;
    }

    let sent: SentTip | null = null;
    try {
      for (let attempt = 0; !sent; attempt++) {
        setPhase('challenge');
        let header: string | null;
        try {
          header = await solver.take(unit!.code);
        } catch (e) {
          throw e instanceof PublicApiError ? e : new Error(t('submit.challengeFailed'));
        }
        setPhase('sending');
        try {
          sent = await sendTip(body, header);
        } catch (e) {
          // the answer was refused (expired, used, or too easy now that the place receives a flood
          // of tips): one more round, silently, with a new challenge for the unit
          const retry =
            e instanceof PublicApiError && (e.code === 'challenge_required' || e.code === 'challenge_failed' || e.code === 'challenge_harder');
          if (!retry || attempt >= 1) throw e;
        }
      }
    } catch (e) {
      setPhase('idle');
      const field = e instanceof PublicApiError ? formField(e.field) : null;
      if (field) {
        const next = { [field]: errorText(e, t) };
        setErrors(next);
        focusFirstError(next);
      } else {
        setFailure(errorText(e, t));
      }
      // a new answer for the next try (the last one has been used)
      solver.prepare(unit?.code);
      return;
    }

    const uploads: UploadResult[] = [];
    if (files.length) {
      setPhase('uploading');
      for (let i = 0; i < files.length; i++) {
        const f = files[i]!;
        setUploadStep({ i: i + 1, n: files.length });
        try {
          await uploadAttachment(sent.tracking_code, sent.secret, f, keepLocation);
          uploads.push({ name: f.name, ok: true });
        } catch (e) {
          uploads.push({ name: f.name, ok: false, message: errorText(e, t) });
        }
      }
    }
    setPhase('idle');
    setDone({ tip: sent, uploads });
    window.scrollTo({ top: 0 });
  }

  if (done) {
    return (
      <Suspense fallback={<Spinner />}>
        <Sent tip={done.tip} uploads={done.uploads} />
      </Suspense>
    );
  }

  const descLen = textLength(description);
  const progress =
    phase === 'challenge'
      ? t('submit.progress.challenge')
      : phase === 'sending'
        ? t('submit.progress.sending')
        : phase === 'uploading'
          ? t('submit.progress.uploading', uploadStep)
          : '';

  return (
    <article className="p-page" data-testid="submit-tip">
      <h1 className="p-title">{t('submit.title')}</h1>
      <p className="p-lead">{t('submit.lead')}</p>
      <div className="p-secrecy">
        <span className="p-secrecy__icon">
          <LockIcon />
        </span>
        <p>{t('submit.secrecy')}</p>
      </div>

      <form
        ref={formRef}
        className="p-form"
        noValidate
        onSubmit={(e) => void submit(e)}
        // answer the anti-robot check while the visitor is writing
        onFocus={() => unit && solver.prepare(unit.code)}
        data-testid="tip-form"
      >
        <fieldset className="p-card" disabled={busy}>
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
              {preset.ancestors.length > 0 && (
                <div className="p-muted">{[...preset.ancestors].reverse().map((a) => a.full_name).join(', ')}</div>
              )}
              <button type="button" id="unit-change" className="p-link-btn" onClick={() => setPresetState('none')}>
                {t('submit.unit.change')}
              </button>
            </div>
          )}
          {presetState === 'missing' && <Alert kind="warning">{t('submit.unit.notFound', { code: presetCode ?? '' })}</Alert>}
          {(presetState === 'none' || presetState === 'missing') && (
            <Suspense fallback={<Spinner />}>
              <UnitChooser
                onChange={(u) => {
                  setChosen(u);
                  if (u) clear('unit');
                }}
                error={errors.unit}
              />
            </Suspense>
          )}
          {presetState === 'ok' && errors.unit && <div className="p-error-text">{errors.unit}</div>}

          <Field
            id="tip-place"
            label={t('submit.place')}
            optional
            error={errors.place}
            extra={
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
                    <button type="button" className="p-link-btn" onClick={() => setGeo(null)}>
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
                {errors.location && <div className="p-hint">{errors.location}</div>}
              </div>
            }
          >
            <input
              id="tip-place"
              className="p-input"
              value={place}
              maxLength={500}
              placeholder={t('submit.place.placeholder')}
              aria-describedby={describedBy('tip-place', false, errors.place)}
              onChange={(e) => {
                setPlace(e.target.value);
                clear('place');
              }}
            />
          </Field>
        </fieldset>

        <fieldset className="p-card" disabled={busy}>
          <legend className="p-card__title">{t('submit.section.what')}</legend>
          <Field id="tip-category" label={t('submit.category')} error={errors.category ?? (categoriesError ? `${t('submit.category.loadError')} ${errorText(categoriesError, t)}` : undefined)}>
            <select
              id="tip-category"
              className="p-input"
              value={category}
              aria-invalid={!!errors.category}
              aria-describedby={describedBy('tip-category', false, errors.category)}
              onChange={(e) => {
                setCategory(e.target.value);
                clear('category');
              }}
              disabled={!categories}
            >
              <option value="" disabled>
                {categories ? t('submit.category.choose') : t('common.loading')}
              </option>
              {categories?.map((c) => (
                <option key={c.code} value={c.code}>
                  {categoryLabel(c)}
                </option>
              ))}
            </select>
          </Field>

          <Field
            id="tip-description"
            label={t('submit.description')}
            hint={t('submit.description.hint', { min: DESCRIPTION_MIN, max: formatNumber(DESCRIPTION_MAX) })}
            error={errors.description}
            extra={
              <div className={`p-counter${descLen > DESCRIPTION_MAX ? ' p-counter--over' : ''}`} aria-live="polite" data-testid="description-counter">
                {t('submit.description.counter', { n: formatNumber(descLen), max: formatNumber(DESCRIPTION_MAX) })}
              </div>
            }
          >
            <textarea
              id="tip-description"
              className="p-input p-textarea"
              rows={6}
              value={description}
              aria-invalid={!!errors.description}
              aria-describedby={describedBy('tip-description', true, errors.description)}
              onChange={(e) => {
                setDescription(e.target.value);
                clear('description');
              }}
            />
          </Field>

          <div className={`p-field${errors.occurred_at ? ' p-field--error' : ''}`} role="group" aria-labelledby="occurred-label">
            <div className="p-label" id="occurred-label">
              {t('submit.occurredAt')}
              <span className="p-optional"> ({t('common.optional')})</span>
            </div>
            <div className="p-row">
              <label className="p-row__item p-row__item--date">
                <span className="p-sublabel">{t('submit.occurredAt.date')}</span>
                <input
                  id="tip-occurred-date"
                  className="p-input"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder={t('submit.occurredAt.datePlaceholder')}
                  maxLength={10}
                  value={occurredDate}
                  aria-invalid={!!errors.occurred_at}
                  aria-describedby={describedBy('tip-occurred', true, errors.occurred_at)}
                  onChange={(e) => {
                    setOccurredDate(e.target.value);
                    clear('occurred_at');
                  }}
                />
              </label>
              <label className="p-row__item p-row__item--time">
                <span className="p-sublabel">{t('submit.occurredAt.time')}</span>
                <input
                  id="tip-occurred-time"
                  className="p-input"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder={t('submit.occurredAt.timePlaceholder')}
                  maxLength={5}
                  value={occurredTime}
                  aria-invalid={!!errors.occurred_at}
                  aria-describedby={describedBy('tip-occurred', true, errors.occurred_at)}
                  onChange={(e) => {
                    setOccurredTime(e.target.value);
                    clear('occurred_at');
                  }}
                />
              </label>
            </div>
            <div className="p-hint" id="tip-occurred-hint">
              {t('submit.occurredAt.hint')}
            </div>
            {errors.occurred_at && (
              <div className="p-error-text" id="tip-occurred-error" role="alert">
                {errors.occurred_at}
              </div>
            )}
          </div>
        </fieldset>

        <fieldset className="p-card" disabled={busy}>
          <legend className="p-card__title">{t('submit.section.who')}</legend>
          <label className="p-switch" htmlFor="tip-anonymous">
            <input
              id="tip-anonymous"
              type="checkbox"
              role="switch"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
              data-testid="anonymous"
            />
            <span className="p-switch__track" aria-hidden="true" />
            <span className="p-switch__label">{t('submit.anonymous')}</span>
          </label>
          <p className="p-hint">{anonymous ? t('submit.anonymous.on') : t('submit.anonymous.off')}</p>
          {!anonymous && (
            <div className="p-reporter" data-testid="reporter-fields">
              {errors.reporter && <Alert kind="error">{errors.reporter}</Alert>}
              <ReporterInput id="reporter-name" label={t('submit.reporter.name')} value={reporter.name} autoComplete="name" onChange={(v) => {
                  setReporter({ ...reporter, name: v });
                  clear('reporter');
                }} />
              <ReporterInput id="reporter-phone" label={t('submit.reporter.phone')} value={reporter.phone} type="tel" autoComplete="tel" onChange={(v) => {
                  setReporter({ ...reporter, phone: v });
                  clear('reporter');
                }} />
              <ReporterInput id="reporter-email" label={t('submit.reporter.email')} value={reporter.email} type="email" autoComplete="email" optional onChange={(v) => setReporter({ ...reporter, email: v })} />
              <ReporterInput id="reporter-address" label={t('submit.reporter.address')} value={reporter.address} autoComplete="street-address" optional onChange={(v) => setReporter({ ...reporter, address: v })} />
            </div>
          )}
        </fieldset>

        <fieldset className="p-card" disabled={busy}>
          <legend className="p-card__title">{t('submit.section.files')}</legend>
          <FilePicker files={files} onAdd={addFiles} onRemove={(i) => setFiles(files.filter((_, j) => j !== i))} />
          {errors.files && <div className="p-error-text" role="alert">{errors.files}</div>}
          {files.length > 0 && <KeepLocation checked={keepLocation} onChange={setKeepLocation} />}
        </fieldset>

        {failure && (
          <Alert kind="error" testId="submit-error">
            <strong>{t('error.title')}.</strong> {failure}
          </Alert>
        )}
        {Object.values(errors).some(Boolean) && !failure && <p className="p-error-text">{t('submit.fixErrors')}</p>}

        <div className="p-actions">
          <button type="submit" className="p-btn p-btn--primary p-btn--block" disabled={busy} data-testid="submit-tip-button">
            {busy ? <Spinner /> : null} {t('submit.send')}
          </button>
          {progress && (
            <p className="p-progress" role="status" data-testid="submit-progress">
              {progress}
            </p>
          )}
        </div>
      </form>
    </article>
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
