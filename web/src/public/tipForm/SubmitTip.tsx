/** `/gui-tin-bao`: the citizen's tip form, and the tracking code and secret once it is sent. */
import { Suspense, lazy, useEffect, useMemo, useReducer, useRef, useState, type Dispatch, type FormEvent } from 'react';
import { PublicApiError } from '../api';
import { ChallengeSolver } from '../challenge';
import { FilePicker, KeepLocation, pickFiles } from '../files';
import { useI18n } from '../i18n';
import { LockIcon } from '../icons';
import { Alert, Spinner, errorText } from '../ui';
import { EMPTY_DRAFT, ERROR_FOCUS, draftBody, draftReducer, formField, hasErrors, validateDraft, type Draft, type DraftAction, type Errors } from './draft';
import { useFormSetup } from './useFormSetup';
import { useSendTip, type Sent as SentResult } from './useSendTip';
import { WhatSection } from './WhatSection';
import { WhereSection } from './WhereSection';
import { WhoSection } from './WhoSection';

// the answer screen is needed only once a tip is sent: loaded then (and fetched while sending)
const loadSent = () => import('../Sent');
const Sent = lazy(loadSent);

export default function SubmitTip() {
  const { t } = useI18n();
  const presetCode = useMemo(() => new URLSearchParams(window.location.search).get('unit')?.trim() || null, []);
  const solver = useMemo(() => new ChallengeSolver(), []);
  const { units, unit, categories } = useFormSetup(presetCode);
  const [draft, dispatch] = useReducer(draftReducer, EMPTY_DRAFT);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<SentResult | null>(null);
  const { busy, progress, send } = useSendTip(solver);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('submit.pageTitle') });
  }, [t]);

  // the challenge is the unit's (harder where a flood of tips arrives): asked again when it changes
  const unitCode = unit?.code;
  useEffect(() => {
    if (unitCode && formRef.current?.contains(document.activeElement)) solver.prepare(unitCode);
  }, [unitCode, solver]);
  useEffect(() => () => solver.reset(), [solver]);

  function focusFirstError(e: Errors) {
    const first = ERROR_FOCUS.find(([k]) => e[k]);
    if (!first) return;
    const el = formRef.current?.querySelector<HTMLElement>(first[1]);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (busy) return;
    setFailure(null);
    const found = validateDraft(draft, unit, t);
    dispatch({ errors: found });
    if (hasErrors(found)) {
      focusFirstError(found);
      return;
    }
    void loadSent();
    try {
      setDone(await send(draftBody(draft, unit!), draft.files, draft.keepLocation));
      window.scrollTo({ top: 0 });
    } catch (e) {
      const field = e instanceof PublicApiError ? formField(e.field) : null;
      if (!field) {
        setFailure(errorText(e, t));
        return;
      }
      const next = { [field]: errorText(e, t) };
      dispatch({ errors: next });
      focusFirstError(next);
    }
  }

  if (done) {
    return (
      <Suspense fallback={<Spinner />}>
        <Sent tip={done.tip} uploads={done.uploads} />
      </Suspense>
    );
  }

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
        <WhereSection draft={draft} dispatch={dispatch} units={units} disabled={busy} />
        <WhatSection draft={draft} dispatch={dispatch} categories={categories} disabled={busy} />
        <WhoSection draft={draft} dispatch={dispatch} disabled={busy} />
        <FilesSection draft={draft} dispatch={dispatch} disabled={busy} />

        {failure && (
          <Alert kind="error" testId="submit-error">
            <strong>{t('error.title')}.</strong> {failure}
          </Alert>
        )}
        {hasErrors(draft.errors) && !failure && <p className="p-error-text">{t('submit.fixErrors')}</p>}

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

/** The form's last card: photos and videos, sent once the tip is accepted. */
function FilesSection({ draft, dispatch, disabled }: { draft: Draft; dispatch: Dispatch<DraftAction>; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <fieldset className="p-card" disabled={disabled}>
      <legend className="p-card__title">{t('submit.section.files')}</legend>
      <FilePicker
        files={draft.files}
        onAdd={(list) => {
          const picked = pickFiles(draft.files, list, t);
          dispatch((d) => ({ files: picked.files, errors: { ...d.errors, files: picked.problem } }));
        }}
        onRemove={(i) => dispatch({ files: draft.files.filter((_, j) => j !== i) })}
      />
      {draft.errors.files && (
        <div className="p-error-text" role="alert">
          {draft.errors.files}
        </div>
      )}
      {draft.files.length > 0 && <KeepLocation checked={draft.keepLocation} onChange={(keepLocation) => dispatch({ keepLocation })} />}
    </fieldset>
  );
}
