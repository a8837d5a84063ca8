/**
 * Where it happened, chosen level by level with plain selects (fast on any phone):
 * province → (district) → commune → village, each list from GET /api/v1/units?parent=CODE.
 * The village level may stay empty (the tip then goes to the commune).
 */
import { useCallback, useEffect, useState } from 'react';
import { listUnits, type Unit } from './api';
import type { TextKey } from './i18n';
import chooserEn from './i18n/chooser.en.json';
import chooserVi from './i18n/chooser.vi.json';
import { useOwnTexts } from './ownTexts';
import { errorText } from './ui';

interface Props {
  /** Reports the chosen unit (the deepest level chosen), or null while it is not enough. */
  onChange: (unit: Unit | null) => void;
  error?: string;
}

/** Whether a unit is precise enough to receive a tip: a commune or below, or a unit without parts. */
export function isPreciseEnough(unit: Unit | null | undefined): boolean {
  if (!unit) return false;
  if (unit.kind === 'province' || unit.kind === 'district') return unit.has_children === false;
  return true;
}

/** The label of a level, from the kinds of units in its list. */
export function levelLabelKey(items: Unit[]): TextKey {
  const kinds = new Set(items.map((u) => u.kind));
  if (kinds.size === 0) return 'submit.unit.level';
  if (kinds.size === 1) {
    const [only] = kinds;
    if (only === 'province') return 'submit.unit.province';
    if (only === 'district') return 'submit.unit.district';
    if (only === 'commune') return 'submit.unit.commune';
    if (only === 'village') return 'submit.unit.village';
  }
  if ([...kinds].every((k) => k === 'village' || k === 'establishment')) return 'submit.unit.villageOrPlace';
  return 'submit.unit.level';
}

export default function UnitChooser({ onChange, error }: Props) {
  const t = useOwnTexts(chooserVi, chooserEn);
  /** Children lists by parent code ('' = the provinces). */
  const [lists, setLists] = useState<Record<string, Unit[]>>({});
  const [failed, setFailed] = useState<unknown>(null);
  /** The code chosen at each level. */
  const [path, setPath] = useState<string[]>([]);

  /** Fetches the list of the parts of `parent` ('' = the provinces). */
  const fetchList = useCallback((parent: string) => {
    setFailed(null);
    listUnits(parent || undefined)
      .then((res) => setLists((prev) => ({ ...prev, [parent]: res.items })))
      .catch((e: unknown) => setFailed(e));
  }, []);
  /** Fetches the list of `parent` unless it is already here. */
  const load = (parent: string) => {
    if (!lists[parent]) fetchList(parent);
  };

  // the provinces, once
  useEffect(() => fetchList(''), [fetchList]);

  // the parents of the levels on screen: '' then every chosen unit that has parts
  const parents = [''];
  for (let i = 0; i < path.length; i++) {
    const unit = lists[parents[i]!]?.find((u) => u.code === path[i]);
    if (!unit?.has_children) break;
    parents.push(unit.code);
  }

  const choose = (level: number, code: string) => {
    const next = [...path.slice(0, level), ...(code ? [code] : [])];
    setPath(next);
    const list = lists[parents[level]!] ?? [];
    const unit = code ? list.find((u) => u.code === code) : undefined;
    if (unit?.has_children) load(unit.code);
    // the deepest chosen unit
    let deepest: Unit | null = null;
    let parentCode = '';
    for (const c of next) {
      const u = lists[parentCode]?.find((x) => x.code === c);
      if (!u) break;
      deepest = u;
      parentCode = u.code;
    }
    onChange(isPreciseEnough(deepest) ? deepest : null);
  };

  return (
    <div className="p-unit-chooser" data-testid="unit-chooser">
      {parents.map((parent, level) => {
        const items = lists[parent];
        const id = `unit-level-${level}`;
        const parentUnit = level > 0 ? lists[parents[level - 1]!]?.find((u) => u.code === parent) : undefined;
        // below a commune the choice is optional: the tip then goes to the commune
        const optional = !!parentUnit && isPreciseEnough(parentUnit);
        return (
          <div className="p-field" key={parent || 'root'}>
            <label className="p-label" htmlFor={id}>
              {t(items ? levelLabelKey(items) : 'submit.unit.level')}
              {optional && <span className="p-optional"> ({t('common.optional')})</span>}
            </label>
            <select
              id={id}
              className="p-input"
              value={path[level] ?? ''}
              disabled={!items}
              aria-invalid={!!error && !optional && !path[level]}
              onChange={(e) => choose(level, e.target.value)}
            >
              <option value="" disabled={!optional}>
                {items ? (optional ? t('submit.unit.none') : t('submit.unit.choose')) : t('common.loading')}
              </option>
              {items?.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.full_name}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {failed !== null && (
        <div className="p-error-text" role="alert">
          {t('submit.unit.loadError')} {errorText(failed, t)}{' '}
          <button type="button" className="p-link-btn" onClick={() => load(parents[parents.length - 1] ?? '')}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {error && (
        <div className="p-error-text" role="alert" id="unit-error">
          {error}
        </div>
      )}
    </div>
  );
}
