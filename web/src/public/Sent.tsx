/** The answer of a sent tip: the tracking code and the secret, big, once (loaded when a tip is sent). */
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../lib/format';
import { formatTrackingCode, trackingHash } from '../lib/tips';
import type { SentTip } from './api';
import { CopyButton } from './copy';
import sentEn from './i18n/sent.en.json';
import sentVi from './i18n/sent.vi.json';
import { CheckIcon, DownloadIcon, WarnIcon } from './icons';
import { useOwnTexts } from './ownTexts';
import { Alert } from './ui';

export interface UploadResult {
  name: string;
  ok: boolean;
  message?: string;
}

/** The answer of a sent tip: the code and the secret, big, once. */
export default function Sent({ tip, uploads }: { tip: SentTip; uploads: UploadResult[] }) {
  const t = useOwnTexts(sentVi, sentEn);
  const code = formatTrackingCode(tip.tracking_code);
  const trackUrl = `/tra-cuu-tin-bao${trackingHash(code, tip.secret)}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const fileText = t('done.fileText', { code, secret: tip.secret, url: `${window.location.origin}/tra-cuu-tin-bao` });
  const download = () => {
    const url = URL.createObjectURL(new Blob([fileText + '\n'], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `tin-bao-${code}.txt`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <article className="p-page" data-testid="tip-sent">
      <div className="p-done">
        <div className="p-done__icon" aria-hidden="true">
          <CheckIcon size={34} />
        </div>
        <h1 className="p-title" tabIndex={-1} ref={headingRef}>
          {t('done.title')}
        </h1>
        <p className="p-lead">{t('done.lead', { unit: tip.unit.full_name, at: formatDateTime(tip.received_at) })}</p>
      </div>

      <section className="p-card p-codes">
        <div className="p-code">
          <div className="p-code__label">{t('done.code')}</div>
          <div className="p-code__value" data-testid="tracking-code">
            {code}
          </div>
          <CopyButton text={code} testId="copy-code" />
        </div>
        <div className="p-code">
          <div className="p-code__label">{t('done.secret')}</div>
          <div className="p-code__value p-code__value--secret" data-testid="tracking-secret">
            {tip.secret}
          </div>
          <CopyButton text={tip.secret} testId="copy-secret" />
        </div>
        <Alert kind="warning" testId="secret-warning">
          <WarnIcon />{' '}
          {t('done.warning')}
        </Alert>
        <div className="p-actions p-actions--row">
          <CopyButton text={fileText} label={t('done.copyBoth')} />
          <button type="button" className="p-btn p-btn--small" onClick={download}>
            <DownloadIcon /> {t('done.download')}
          </button>
        </div>
      </section>

      {uploads.length > 0 && (
        <section className="p-card">
          <h2 className="p-card__title">{t('done.uploads')}</h2>
          <ul className="p-file-list">
            {uploads.map((u, i) => (
              <li key={i} className="p-file">
                <span className="p-file__name">{u.name}</span>
                <span className={u.ok ? 'p-ok-text' : 'p-error-text'}>{u.ok ? t('done.upload.ok') : t('done.upload.failed', { message: u.message ?? '' })}</span>
              </li>
            ))}
          </ul>
          {uploads.some((u) => !u.ok) && <p className="p-hint">{t('done.upload.later')}</p>}
        </section>
      )}

      <div className="p-actions">
        <a className="p-btn p-btn--primary p-btn--block" href={trackUrl} data-testid="track-link">
          {t('done.track')}
        </a>
        <a className="p-btn p-btn--block" href={`/gui-tin-bao${window.location.search}`}>
          {t('done.another')}
        </a>
      </div>
    </article>
  );
}
