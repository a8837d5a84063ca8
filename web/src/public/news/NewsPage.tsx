/**
 * `/tin-tuc`: a resident's news. They pick their commune (or village) once with the unit search;
 * the choice is remembered on the device (localStorage, a place, never a person) and may come in
 * the address (`?unit=CODE`, a commune's own link). Then the unit's posts (warnings first), the
 * e-mail subscription box and the unit's Atom feed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { UnitHit } from '../api';
import { useI18n } from '../i18n';
import { PinIcon } from '../icons';
import { usePrerendering } from '../prerendering';
import { Alert, Spinner } from '../ui';
import UnitSearch from '../UnitSearch';
import type { PublicUnitRef } from './api';
import { feedUrl, loadFollowedUnit, saveFollowedUnit, unitFromSearch, type FollowedUnit } from './logic';
import NewsList from './NewsList';
import { FeedIcon } from './PostBits';
import SubscribeBox from './SubscribeBox';

/** The unit of the address (`?unit=`), else the one remembered on this device. */
function initialUnit(): FollowedUnit | null {
  const code = unitFromSearch(window.location.search);
  const remembered = loadFollowedUnit();
  if (code) return remembered?.code === code ? remembered : { code, full_name: code };
  return remembered;
}

/** Puts the unit in the address (a reload or a shared link keeps it), without a new history entry. */
function showInAddress(code: string | null) {
  const url = new URL(window.location.href);
  if (code) url.searchParams.set('unit', code);
  else url.searchParams.delete('unit');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

export default function NewsPage() {
  const { t } = useI18n();
  const prerendering = usePrerendering();
  const [unit, setUnit] = useState<FollowedUnit | null>(initialUnit);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('news.pageTitle') });
  }, [t]);

  // a unit named in the address is remembered too
  useEffect(() => {
    if (unit) saveFollowedUnit(unit);
  }, [unit]);

  // feed readers and browsers find the unit's feed in the page's head
  useEffect(() => {
    if (!unit) return;
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    link.href = feedUrl(unit.code);
    link.title = unit.full_name;
    document.head.appendChild(link);
    return () => link.remove();
  }, [unit]);

  const choose = (hit: UnitHit | null) => {
    const next = hit ? { code: hit.code, full_name: hit.full_name, parent_full_name: hit.parent_full_name ?? null } : null;
    setMissing(false);
    setUnit(next);
    if (!next) saveFollowedUnit(null);
    showInAddress(next?.code ?? null);
    // focus follows: to the chosen area, or back to the search box
    requestAnimationFrame(() => document.getElementById(next ? 'news-unit-current' : 'news-unit')?.focus());
  };
  // the server's name of the unit (a unit named only by its code in the address)
  const named = useCallback((ref: PublicUnitRef) => {
    setUnit((u) => (u && u.code === ref.code && ref.full_name && u.full_name !== ref.full_name ? { ...u, full_name: ref.full_name } : u));
  }, []);
  const gone = useCallback(() => {
    setUnit(null);
    saveFollowedUnit(null);
    setMissing(true);
    showInAddress(null);
  }, []);

  const heading = (
    <>
      <h1 className="p-title">{t('news.title')}</h1>
      <p className="p-lead">{t('news.lead')}</p>
    </>
  );
  // built before any device is known: neither a unit's posts nor the chooser
  if (prerendering) {
    return (
      <article className="p-page p-news">
        {heading}
        <p className="p-muted" role="status">
          <Spinner /> {t('common.loading')}
        </p>
      </article>
    );
  }
  return (
    <article className="p-page p-news" data-testid="news-page">
      {heading}
      {unit ? (
        <>
          <div className="p-news-unit" data-testid="news-unit" id="news-unit-current" tabIndex={-1}>
            <PinIcon />
            <div className="p-news-unit__text">
              <span className="p-news-unit__label">{t('news.unit.current')}</span>
              <strong className="p-news-unit__name">{unit.full_name}</strong>
              {unit.parent_full_name && <span className="p-muted">{unit.parent_full_name}</span>}
            </div>
            <button type="button" className="p-link-btn" onClick={() => choose(null)} data-testid="news-unit-change">
              {t('news.unit.change')}
            </button>
          </div>
          <NewsList code={unit.code} onUnit={named} onMissing={gone} />
          <SubscribeBox unit={unit} />
          <p className="p-news-feed">
            <a href={feedUrl(unit.code)} type="application/atom+xml" data-testid="news-feed">
              <FeedIcon /> {t('news.feed')}
            </a>
            <span className="p-muted">{t('news.feed.hint')}</span>
          </p>
        </>
      ) : (
        <section className="p-card" data-testid="news-choose">
          {missing && (
            <Alert kind="warning" testId="news-unit-missing">
              {t('news.unit.missing')}
            </Alert>
          )}
          <label className="p-label" htmlFor="news-unit">
            {t('news.unit.label')}
          </label>
          <UnitSearch id="news-unit" value={null} onChange={choose} testIdPrefix="news-unit" />
          <p className="p-muted">{t('news.unit.remembered')}</p>
        </section>
      )}
    </article>
  );
}
