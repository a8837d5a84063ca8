/**
 * `/gop-y`: a citizen's opinion (ý kiến của Nhân dân) for a commune or a village, without login.
 * `POST /api/v1/public/opinions` takes exactly `unit`, `topic` (the `topics` catalogue) and
 * `content` (at most 2,000 characters); it asks for no proof of work and no contact details (it
 * refuses any other field), and limits how many opinions one address sends per hour (429 with
 * Retry-After). The opinion lands in the commune's register of opinions (source "online").
 * `?unit=CODE` presets the unit (the home page passes it on).
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatDate, formatNumber } from '../lib/format';
import { textLength } from '../lib/tips';
import { PublicApiError, getTopics, getUnit, randomKey, sendOpinion, type CatalogItem, type NewOpinion, type SentOpinion, type UnitHit } from './api';
import { CheckIcon, LockIcon } from './icons';
import { useI18n, type T } from './i18n';
import { PUBLIC_PATHS } from './paths';
import { ItemSelect, TextAreaField, itemLabel } from './formFields';
import { Alert, Field, Spinner, errorText, retryText } from './ui';
import UnitSearch from './UnitSearch';

/** The server's limit of `content`. */
export const OPINION_MAX = 2000;

type Errors = Partial<Record<'unit' | 'topic' | 'content', string>>;

/** The Vietnamese (or English) text of a refused opinion: on its field, or for the whole form. */
export function opinionError(e: unknown, content: string, t: T): { field?: keyof Errors; text: string } {
  if (e instanceof PublicApiError) {
    if (e.status === 429) {
      return { text: `${t('opinion.error.rateLimited')} ${e.retryAfter !== undefined ? retryText(e.retryAfter, t) : ''}`.trim() };
    }
    if (e.status === 413) return { field: 'content', text: t('opinion.error.tooLarge') };
    if (e.status === 400 && e.field === 'unit') return { field: 'unit', text: t('opinion.error.unit') };
    if (e.status === 400 && e.field === 'topic') return { field: 'topic', text: t('opinion.error.topic') };
    if (e.status === 400 && e.field === 'content') {
      return {
        field: 'content',
        text: textLength(content) > OPINION_MAX ? t('opinion.content.long', { max: formatNumber(OPINION_MAX) }) : t('opinion.content.required'),
      };
    }
    if (e.status === 400) return { text: e.fromServer ? `${t('opinion.error.invalid')} ${e.message}` : errorText(e, t) };
  }
  return { text: errorText(e, t) };
}

const FIELDS = ['unit', 'topic', 'content'] as const;

/** What is missing or too long in the opinion (`length`: the content's, in characters). */
function validateOpinion(unit: UnitHit | null, topic: string, length: number, t: T): Errors {
  const e: Errors = {};
  if (!unit) e.unit = t('opinion.unit.required');
  if (!topic) e.topic = t('opinion.topic.required');
  if (length === 0) e.content = t('opinion.content.required');
  else if (length > OPINION_MAX) e.content = t('opinion.content.long', { max: formatNumber(OPINION_MAX) });
  return e;
}

export default function SubmitOpinion() {
  const { t, lang } = useI18n();
  const presetCode = useMemo(() => new URLSearchParams(window.location.search).get('unit')?.trim() || null, []);
  const { unit, setUnit, presetMissing, topics, topicsError } = useOpinionSetup(presetCode);
  const [topic, setTopic] = useState('');
  const [content, setContent] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const { sending, send } = useOpinionSender();
  const [done, setDone] = useState<Done | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('opinion.pageTitle') });
  }, [t]);

  const clear = (f: keyof Errors) => setErrors((prev) => (prev[f] ? { ...prev, [f]: undefined } : prev));
  const length = textLength(content);

  function focusField(f: keyof Errors) {
    const el = formRef.current?.querySelector<HTMLElement>(`#opinion-${f}`);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (sending) return;
    setFailure(null);
    const found = validateOpinion(unit, topic, length, t);
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      focusField(first);
      return;
    }
    try {
      const sent = await send({ unit: unit!.code, topic, content: content.trim() });
      const chosen = topics?.find((c) => c.code === topic);
      setDone({ sent, unit: unit!, topic: chosen ? itemLabel(chosen, lang) : topic });
      window.scrollTo({ top: 0 });
    } catch (e) {
      const { field, text: message } = opinionError(e, content, t);
      if (field) {
        setErrors({ [field]: message });
        focusField(field);
      } else {
        setFailure(message);
      }
    }
  }

  if (done) {
    const another = () => {
      setDone(null);
      setContent('');
      setTopic('');
    };
    return <OpinionSent done={done} onAnother={another} />;
  }

  return (
    <article className="p-page" data-testid="submit-opinion">
      <OpinionIntro />
      <form ref={formRef} className="p-form" noValidate onSubmit={(e) => void submit(e)} data-testid="opinion-form">
        <fieldset className="p-card" disabled={sending}>
          <legend className="p-sr-only">{t('opinion.title')}</legend>
          <OpinionUnitField
            unit={unit}
            presetMissing={presetMissing ? presetCode : null}
            error={errors.unit}
            onChange={(u) => {
              setUnit(u);
              if (u) clear('unit');
            }}
          />

          <OpinionTopicField
            topics={topics}
            loadError={topicsError}
            value={topic}
            error={errors.topic}
            onChange={(code) => {
              setTopic(code);
              clear('topic');
            }}
          />

          <TextAreaField
            id="opinion-content"
            label={t('opinion.content')}
            hint={t('opinion.content.hint', { max: formatNumber(OPINION_MAX) })}
            error={errors.content}
            invalid={!!errors.content}
            counter={{
              text: t('opinion.content.counter', { n: formatNumber(length), max: formatNumber(OPINION_MAX) }),
              over: length > OPINION_MAX,
              testId: 'opinion-counter',
            }}
            rows={6}
            value={content}
            placeholder={t('opinion.content.placeholder')}
            onChange={(text) => {
              setContent(text);
              clear('content');
            }}
          />
        </fieldset>

        <OpinionProblem failure={failure} fieldErrors={Object.values(errors).some(Boolean)} />

        <div className="p-actions">
          <SendButton sending={sending} />
        </div>
      </form>
    </article>
  );
}

/** What the page knows once the opinion is recorded. */
interface Done {
  sent: SentOpinion;
  unit: UnitHit;
  topic: string;
}

/**
 * The topics, and the unit the address presets (`?unit=CODE`: its successor when it was merged;
 * only a commune or a village; `presetMissing` when there is no such unit).
 */
function useOpinionSetup(presetCode: string | null) {
  const [unit, setUnit] = useState<UnitHit | null>(null);
  const [presetMissing, setPresetMissing] = useState(false);
  const [topics, setTopics] = useState<CatalogItem[] | null>(null);
  const [topicsError, setTopicsError] = useState<unknown>(null);
  useEffect(() => {
    const ac = new AbortController();
    getTopics(ac.signal)
      .then(setTopics)
      .catch((e: unknown) => {
        if (!ac.signal.aborted) setTopicsError(e);
      });
    if (presetCode) {
      getUnit(presetCode, ac.signal)
        .then(async (u) => {
          if (u.active === false && u.successor) u = await getUnit(u.successor.code, ac.signal);
          if (u.kind !== 'commune' && u.kind !== 'village') throw new Error('not a commune or a village');
          const parent = u.ancestors[u.ancestors.length - 1]; // the ancestors run from the top down
          setUnit({ ...u, parent_full_name: parent ? parent.full_name : null });
        })
        .catch(() => {
          if (!ac.signal.aborted) setPresetMissing(true);
        });
    }
    return () => ac.abort();
  }, [presetCode]);
  return { unit, setUnit, presetMissing, topics, topicsError };
}

/**
 * Sends an opinion with an idempotency key: a retry of the very same opinion after a lost answer
 * (network) reuses the key, so that it is not recorded twice; any answer, even a refusal, is final
 * for its key.
 */
function useOpinionSender() {
  const [sending, setSending] = useState(false);
  /** The key of the last attempt: reused only when that attempt got no answer (network). */
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const send = async (body: NewOpinion): Promise<SentOpinion> => {
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: randomKey() };
    setSending(true);
    try {
      const sent = await sendOpinion(body, attempt.current.key);
      attempt.current = null;
      return sent;
    } catch (e) {
      if (!(e instanceof PublicApiError && e.status === 0)) attempt.current = null;
      throw e;
    } finally {
      setSending(false);
    }
  };
  return { sending, send };
}

/** The page's title, lead and privacy note (with the way to a tip for what must stay secret). */
function OpinionIntro() {
  const { t } = useI18n();
  const [hintBefore, hintAfter] = t('opinion.tipHint').split('{{link}}');
  return (
    <>
      <h1 className="p-title">{t('opinion.title')}</h1>
      <p className="p-lead">{t('opinion.lead')}</p>
      <div className="p-secrecy">
        <span className="p-secrecy__icon">
          <LockIcon />
        </span>
        <div>
          <p>{t('opinion.privacy')}</p>
          <p className="p-secrecy__more">
            {hintBefore}
            <a href={PUBLIC_PATHS.submit}>{t('opinion.tipHint.link')}</a>
            {hintAfter}
          </p>
        </div>
      </div>
    </>
  );
}

/** The answer: the opinion is recorded (its number), and the ways on. */
function OpinionSent({ done, onAnother }: { done: Done; onAnother: () => void }) {
  const { t } = useI18n();
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => doneRef.current?.focus(), []);
  return (
    <article className="p-page" data-testid="opinion-sent">
      <div className="p-done">
        <div className="p-done__icon" aria-hidden="true">
          <CheckIcon size={34} />
        </div>
        <h1 className="p-title" tabIndex={-1} ref={doneRef}>
          {t('opinion.done.title')}
        </h1>
        <p className="p-lead">
          {t('opinion.done.lead', { topic: done.topic, unit: done.unit.full_name, date: formatDate(done.sent.received_on) })}
        </p>
        <p className="p-muted" data-testid="opinion-number">
          {t('opinion.done.number', { id: done.sent.id })}
        </p>
      </div>
      <p className="p-card">{t('opinion.done.next')}</p>
      <div className="p-actions">
        <button type="button" className="p-btn p-btn--primary p-btn--block" onClick={onAnother}>
          {t('opinion.done.another')}
        </button>
        <a className="p-btn p-btn--block" href={PUBLIC_PATHS.home}>
          {t('opinion.done.home')}
        </a>
      </div>
    </article>
  );
}

/** Where the opinion goes: a commune or a village, found by name (a warning when the preset one is not found). */
function OpinionUnitField({
  unit,
  presetMissing,
  error,
  onChange,
}: {
  unit: UnitHit | null;
  /** The code the address preset, when no such unit was found. */
  presetMissing: string | null;
  error?: string;
  onChange: (unit: UnitHit | null) => void;
}) {
  const { t } = useI18n();
  return (
    <div className={`p-field${error ? ' p-field--error' : ''}`}>
      <label className="p-label" htmlFor="opinion-unit">
        {t('opinion.unit')}
      </label>
      {presetMissing !== null && !unit && <Alert kind="warning">{t('opinion.unit.presetMissing', { code: presetMissing })}</Alert>}
      <UnitSearch id="opinion-unit" value={unit} onChange={onChange} error={error} />
    </div>
  );
}

function SendButton({ sending }: { sending: boolean }) {
  const { t } = useI18n();
  return (
    <button type="submit" className="p-btn p-btn--primary p-btn--block" disabled={sending} data-testid="opinion-send">
      {sending ? (
        <>
          <Spinner /> {t('opinion.sending')}
        </>
      ) : (
        t('opinion.send')
      )}
    </button>
  );
}

/** The topic, from the catalogue (its loading error shown on the field). */
function OpinionTopicField({
  topics,
  loadError,
  value,
  error,
  onChange,
}: {
  topics: CatalogItem[] | null;
  loadError: unknown;
  value: string;
  error?: string;
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Field
      id="opinion-topic"
      label={t('opinion.topic')}
      error={error ?? (loadError ? `${t('opinion.topic.loadError')} ${errorText(loadError, t)}` : undefined)}
    >
      <ItemSelect id="opinion-topic" value={value} items={topics} chooseText={t('opinion.topic.choose')} error={error} onChange={onChange} />
    </Field>
  );
}

/** Under the form: why sending failed, else (when fields are in error) the request to correct them. */
function OpinionProblem({ failure, fieldErrors }: { failure: string | null; fieldErrors: boolean }) {
  const { t } = useI18n();
  if (failure) {
    return (
      <Alert kind="error" testId="opinion-error">
        <strong>{t('error.title')}.</strong> {failure}
      </Alert>
    );
  }
  return fieldErrors ? <p className="p-error-text">{t('opinion.fixErrors')}</p> : null;
}
