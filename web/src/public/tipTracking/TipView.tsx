/** The tip as its reporter sees it once the code and secret are right. */
import { formatDate, formatDateTime } from '../../lib/format';
import { ATTACHMENTS_MAX, formatBytes, formatTrackingCode } from '../../lib/tips';
import type { Category, TrackedTip } from '../api';
import { useI18n } from '../i18n';
import { ImageIcon, RefreshIcon, VideoIcon } from '../icons';
import { Spinner } from '../ui';
import type { Creds } from './creds';
import { MoreFiles } from './MoreFiles';
import { NotifySection } from './NotifySection';
import { Reply } from './Reply';
import { StatusBadge, citizenTimeline, timelineText } from './status';

export function TipView({
  tip,
  creds,
  categories,
  loading,
  onRefresh,
  onClose,
}: {
  tip: TrackedTip;
  creds: Creds;
  categories: Category[];
  loading: boolean;
  onRefresh: () => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const category = categories.find((c) => c.code === tip.category);
  const categoryLabel = category ? (lang === 'en' && category.label_en ? category.label_en : category.label) : tip.category;

  return (
    <article className="p-page" data-testid="tip-view">
      <div className="p-tip-head">
        <div>
          <div className="p-muted">{t('track.code')}</div>
          <h1 className="p-title p-title--code" data-testid="tip-code">
            {formatTrackingCode(tip.tracking_code)}
          </h1>
        </div>
        <StatusBadge status={tip.status} />
      </div>

      <section className="p-card">
        <dl className="p-facts">
          <div>
            <dt>{t('track.category')}</dt>
            <dd>{categoryLabel}</dd>
          </div>
          <div>
            <dt>{t('track.unit')}</dt>
            <dd>{tip.unit.full_name}</dd>
          </div>
          <div>
            <dt>{t('track.receivedAt')}</dt>
            <dd>{formatDateTime(tip.received_at)}</dd>
          </div>
        </dl>
        <div className="p-actions p-actions--row">
          <button type="button" className="p-btn p-btn--small" onClick={onRefresh} disabled={loading}>
            {loading ? <Spinner /> : <RefreshIcon />} {t('track.refresh')}
          </button>
          <button type="button" className="p-btn p-btn--small" onClick={onClose}>
            {t('track.other')}
          </button>
        </div>
      </section>

      <DecisionCard tip={tip} />

      {/* a server that cannot send e-mail says so: no form to fill in for nothing */}
      {(tip.notify_available !== false || tip.notify === true) && <NotifySection creds={creds} subscribed={tip.notify === true} />}

      <MessagesCard tip={tip} creds={creds} onSent={onRefresh} />

      <FilesCard tip={tip} creds={creds} onDone={onRefresh} />

      <TimelineCard tip={tip} />
    </article>
  );
}

/** The police's decision, once there is one. */
function DecisionCard({ tip }: { tip: TrackedTip }) {
  const { t } = useI18n();
  return (
    <section className="p-card" aria-labelledby="decision-title">
      <h2 className="p-card__title" id="decision-title">
        {t('track.decision')}
      </h2>
      {tip.decision ? (
        <div className="p-decision" data-testid="tip-decision">
          <StatusBadge status={tip.decision.status} />
          {tip.decision.note && <p className="p-pre">{tip.decision.note}</p>}
          <div className="p-muted">{t('track.decision.at', { at: formatDate(tip.decision.at) })}</div>
        </div>
      ) : (
        <p className="p-muted">{t('track.decision.none')}</p>
      )}
    </section>
  );
}

/** The thread with the police, oldest first, and the reply form. */
function MessagesCard({ tip, creds, onSent }: { tip: TrackedTip; creds: Creds; onSent: () => void }) {
  const { t } = useI18n();
  const messages = [...tip.messages].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section className="p-card" aria-labelledby="messages-title">
      <h2 className="p-card__title" id="messages-title">
        {t('track.messages')}
      </h2>
      {messages.length === 0 ? (
        <p className="p-muted">{t('track.messages.none')}</p>
      ) : (
        <ol className="p-thread" data-testid="messages">
          {messages.map((m) => {
            const mine = m.from === 'reporter';
            return (
              <li key={m.id} className={`p-msg ${mine ? 'p-msg--mine' : 'p-msg--police'}`} data-testid="message">
                <div className="p-msg__meta">
                  <strong>{mine ? t('track.messages.you') : t('track.messages.police')}</strong> · {formatDateTime(m.at)}
                </div>
                <div className="p-msg__body">{m.body}</div>
              </li>
            );
          })}
        </ol>
      )}
      <Reply creds={creds} onSent={onSent} />
    </section>
  );
}

/** The photos and videos sent, and room for more. */
function FilesCard({ tip, creds, onDone }: { tip: TrackedTip; creds: Creds; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <section className="p-card" aria-labelledby="files-title">
      <h2 className="p-card__title" id="files-title">
        {t('track.attachments')}
      </h2>
      {tip.attachments.length === 0 ? (
        <p className="p-muted">{t('track.attachments.none')}</p>
      ) : (
        <ul className="p-file-list" data-testid="attachments">
          {tip.attachments.map((a) => (
            <li key={a.id} className="p-file">
              {a.kind === 'video' ? <VideoIcon /> : <ImageIcon />}
              <span className="p-file__name">{a.kind === 'video' ? t('track.attachments.video') : t('track.attachments.image')}</span>
              <span className="p-file__size">
                {formatBytes(a.size)} · {formatDateTime(a.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {tip.attachments.length < ATTACHMENTS_MAX && <MoreFiles creds={creds} room={ATTACHMENTS_MAX - tip.attachments.length} onDone={onDone} />}
    </section>
  );
}

/** What happened to the tip, in time order. */
function TimelineCard({ tip }: { tip: TrackedTip }) {
  const { t } = useI18n();
  const timeline = citizenTimeline(tip.timeline);
  return (
    <section className="p-card" aria-labelledby="timeline-title">
      <h2 className="p-card__title" id="timeline-title">
        {t('track.timeline')}
      </h2>
      <ol className="p-timeline" data-testid="timeline">
        {timeline.map((e, i) => (
          <li key={i}>
            <span className="p-timeline__at">{formatDateTime(e.at)}</span>
            <span>{timelineText(e, t)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
