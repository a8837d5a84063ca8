/**
 * Finds a commune, ward, village or residential group by name, with or without diacritics
 * ("son tinh" finds "Xã Sơn Tịnh"): GET /api/v1/units/search, as the visitor types. Used by the
 * opinion form and the news page, whose entries load its texts (i18n/unitSearch.*.json).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { searchUnits, type UnitHit } from './api';
import { useI18n, type TextKey } from './i18n';
import { PinIcon } from './icons';
import { FieldError, Spinner, errorText } from './ui';

/** The kinds a citizen's opinion may go to. */
const KINDS = new Set(['commune', 'village']);
const MIN_CHARS = 2;
const DELAY_MS = 250;

interface Props {
  /** The id of the search box (the form's label points at it). */
  id: string;
  value: UnitHit | null;
  onChange: (unit: UnitHit | null) => void;
  error?: string;
  /** The start of the test ids of its parts (`-chosen`, `-search`, `-hits`). */
  testIdPrefix?: string;
}

/** "Xã Sơn Tịnh — Tỉnh Quảng Ngãi" */
export function unitPlace(u: UnitHit): string {
  return u.parent_full_name ? `${u.full_name} — ${u.parent_full_name}` : u.full_name;
}

export default function UnitSearch({ id, value, onChange, error, testIdPrefix = 'opinion-unit' }: Props) {
  // its texts (i18n/unitSearch.*.json) come with the pages that use it (opinion.tsx, news.tsx)
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const { hits, searching, failed } = useUnitHits(q);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const wasChosen = useRef(!!value);

  // focus follows the choice: to "change" once chosen, back to the search box when changing
  useEffect(() => {
    if (value && !wasChosen.current) changeRef.current?.focus();
    if (!value && wasChosen.current) inputRef.current?.focus();
    wasChosen.current = !!value;
  }, [value]);

  if (value) {
    return (
      <div className="p-preset" data-testid={`${testIdPrefix}-chosen`}>
        <div className="p-preset__name">{value.full_name}</div>
        {value.parent_full_name && <div className="p-muted">{value.parent_full_name}</div>}
        <button type="button" id={id} ref={changeRef} className="p-link-btn" onClick={() => onChange(null)}>
          {t('unitSearch.change')}
        </button>
        <FieldError id={id} error={error} />
      </div>
    );
  }

  const short = q.trim() !== '' && [...q.trim()].length < MIN_CHARS;
  return (
    <div className="p-unit-search" data-testid={`${testIdPrefix}-search`}>
      <input
        id={id}
        ref={inputRef}
        className="p-input"
        type="search"
        value={q}
        placeholder={t('unitSearch.placeholder')}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-invalid={!!error}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        // only while the list is there (an id that names nothing is an ARIA error)
        aria-controls={hits && hits.length > 0 ? listId : undefined}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          // Enter picks the only hit, and never sends the form from here
          if (e.key === 'Enter') {
            e.preventDefault();
            if (hits?.length === 1) onChange(hits[0]!);
          }
        }}
      />
      <div className="p-hint" id={`${id}-hint`}>
        {t('unitSearch.hint')}
      </div>
      <div className="p-muted" role="status" aria-live="polite">
        {searching ? (
          <>
            <Spinner /> {t('unitSearch.searching')}
          </>
        ) : short ? (
          t('unitSearch.short')
        ) : hits && hits.length > 0 ? (
          t('unitSearch.results', { n: hits.length })
        ) : hits ? (
          t('unitSearch.none')
        ) : null}
      </div>
      {hits && hits.length > 0 && (
        <ul className="p-hits" id={listId} data-testid={`${testIdPrefix}-hits`}>
          {hits.map((u) => (
            <li key={u.code}>
              <button type="button" className="p-hit" onClick={() => onChange(u)}>
                <PinIcon />
                <span className="p-hit__text">
                  <span className="p-hit__name">{u.full_name}</span>
                  <span className="p-hit__meta">
                    {t(`unitSearch.kind.${u.kind}` as TextKey)}
                    {u.parent_full_name ? ` · ${u.parent_full_name}` : ''}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {failed !== null && (
        <div className="p-error-text" role="alert">
          {t('unitSearch.loadError')} {errorText(failed, t)}
        </div>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The communes and villages whose name matches `q` (searched a moment after the typing stops). */
function useUnitHits(q: string) {
  const [hits, setHits] = useState<UnitHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    const text = q.trim();
    if ([...text].length < MIN_CHARS) {
      setHits(null);
      setSearching(false);
      return;
    }
    const ac = new AbortController();
    setSearching(true);
    const timer = setTimeout(() => {
      searchUnits(text, ac.signal)
        .then((r) => {
          setHits(r.items.filter((u) => KINDS.has(u.kind) && u.active !== false));
          setFailed(null);
        })
        .catch((e: unknown) => {
          if (!ac.signal.aborted) setFailed(e);
        })
        .finally(() => {
          if (!ac.signal.aborted) setSearching(false);
        });
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [q]);
  return { hits, searching, failed };
}
