/**
 * `/`: the home page of the platform, for citizens first. The first screen of a phone holds the
 * three things a citizen comes for — "Gửi tin báo" (primary), "Tra cứu tin báo", "Góp ý kiến" —
 * then "Tin tức, cảnh báo" (/tin-tuc) and the way in for officers. Part of the small public app: no Ant Design, no staff code.
 *
 * `?unit=CODE` (a commune's or a village's own link) carries the unit on to the tip form and the
 * opinion form.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { getStaffSession, getUnit, type StaffSession, type UnitDetail } from './api';
import { LockIcon, PinIcon, Svg } from './icons';
import { useI18n, type TextKey } from './i18n';
import { PUBLIC_PATHS, STAFF_HOME } from './paths';
import { STAFF_LOGIN } from './PublicApp';

/** Whether a unit is precise enough to be preset on the forms (a commune or below). */
function presettable(u: UnitDetail): boolean {
  return u.kind === 'commune' || u.kind === 'village' || u.kind === 'establishment';
}

export default function PublicHome() {
  const { t } = useI18n();
  const unitCode = useMemo(() => new URLSearchParams(window.location.search).get('unit')?.trim() || null, []);
  const [unit, setUnit] = useState<UnitDetail | null>(null);
  const [staff, setStaff] = useState<StaffSession['user'] | null>(null);

  useEffect(() => {
    document.title = `${t('app.name')} — ${t('app.subtitle')}`;
  }, [t]);

  useEffect(() => {
    const ac = new AbortController();
    // an officer who is logged in on this browser gets the way back to the workspace
    getStaffSession(ac.signal)
      .then((s) => setStaff(s.user))
      .catch(() => {});
    if (unitCode) {
      getUnit(unitCode, ac.signal)
        .then(async (u) => {
          // a unit merged away by the reform: its successor
          if (u.active === false && u.successor) u = await getUnit(u.successor.code, ac.signal);
          if (presettable(u)) setUnit(u);
        })
        .catch(() => {});
    }
    return () => ac.abort();
  }, [unitCode]);

  const search = unit ? `?unit=${encodeURIComponent(unit.code)}` : '';
  const place = unit ? [unit.full_name, ...[...unit.ancestors].reverse().map((a) => a.full_name)].join(', ') : '';

  return (
    <article className="p-home" data-testid="public-home">
      <section className="p-home__hero" aria-labelledby="home-title">
        <p className="p-home__kicker">{t('home.kicker')}</p>
        <h1 className="p-title p-home__title" id="home-title">
          {t('home.title')}
        </h1>
        <p className="p-lead p-home__lead">{t('home.lead')}</p>
        {unit && (
          <p className="p-home__unit" data-testid="selected-unit">
            <PinIcon /> <span>{t('home.unit', { unit: place })}</span>{' '}
            <a href={PUBLIC_PATHS.home} className="p-home__unit-clear">
              {t('home.unit.change')}
            </a>
          </p>
        )}
      </section>

      <nav className="p-home__actions" aria-label={t('home.actions')} data-testid="home-actions">
        <Action href={`${PUBLIC_PATHS.submit}${search}`} icon={<SendIcon size={26} />} title={t('nav.submit')} desc={t('home.submit.desc')} primary testId="home-submit" />
        <Action href={PUBLIC_PATHS.track} icon={<SearchIcon size={26} />} title={t('nav.track')} desc={t('home.track.desc')} testId="home-track" />
        <Action href={`${PUBLIC_PATHS.opinion}${search}`} icon={<ChatIcon size={26} />} title={t('nav.opinion')} desc={t('home.opinion.desc')} testId="home-opinion" />
        <Action href={`${PUBLIC_PATHS.news}${search}`} icon={<BellIcon size={26} />} title={t('home.news')} desc={t('home.news.desc')} testId="home-news" />
      </nav>

      <p className="p-home__staff" data-testid="home-staff">
        {staff ? (
          <>
            <span>{t('home.staff.signedIn', { name: staff.display_name || staff.username })}</span>{' '}
            <a href={STAFF_HOME} className="p-home__staff-link">
              {t('home.staff.workspace')}
            </a>
          </>
        ) : (
          <a href={STAFF_LOGIN} className="p-home__staff-link" data-testid="staff-login">
            <LockIcon /> {t('nav.staff')}
          </a>
        )}
      </p>

      <section className="p-home__safety" aria-labelledby="home-safety">
        <h2 className="p-home__h2" id="home-safety">
          {t('home.safety.title')}
        </h2>
        <ul className="p-home__points">
          {(
            [
              ['anonymous', <ShieldIcon size={22} key="i" />],
              ['secret', <KeyIcon size={22} key="i" />],
              ['identity', <LockIcon key="i" />],
            ] as const
          ).map(([k, icon]) => (
            <li key={k} className="p-home__point">
              <span className="p-home__point-icon" aria-hidden="true">
                {icon}
              </span>
              <div>
                <h3 className="p-home__h3">{t(`home.safety.${k}.title` as TextKey)}</h3>
                <p className="p-home__p">{t(`home.safety.${k}.desc` as TextKey)}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="p-home__steps" aria-labelledby="home-steps">
        <h2 className="p-home__h2" id="home-steps">
          {t('home.steps.title')}
        </h2>
        <ol className="p-steps">
          {(['1', '2', '3', '4'] as const).map((n) => (
            <li key={n}>{t(`home.steps.${n}` as TextKey)}</li>
          ))}
        </ol>
        <a className="p-btn p-btn--primary" href={`${PUBLIC_PATHS.submit}${search}`}>
          <SendIcon /> {t('home.steps.start')}
        </a>
      </section>
    </article>
  );
}

function Action({ href, icon, title, desc, primary, testId }: { href: string; icon: ReactNode; title: string; desc: string; primary?: boolean; testId: string }) {
  return (
    <a className={`p-action${primary ? ' p-action--primary' : ''}`} href={href} data-testid={testId}>
      <span className="p-action__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="p-action__text">
        <span className="p-action__title">{title}</span>
        <span className="p-action__desc">{desc}</span>
      </span>
      <span className="p-action__go" aria-hidden="true">
        <ChevronIcon />
      </span>
    </a>
  );
}

// the home page's own icons (kept out of the icons every public page loads)
const SendIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <path d="M21 3L10 14M21 3l-7 18-4-7-7-4z" />
  </Svg>
);
const SearchIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M20 20l-4.2-4.2" />
  </Svg>
);
const ChatIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <path d="M4 5h16v11H9l-5 4z" />
    <path d="M8 9.5h8M8 12.5h5" />
  </Svg>
);
const BellIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
    <path d="M10 20a2 2 0 0 0 4 0" />
  </Svg>
);
const ChevronIcon = () => (
  <Svg>
    <path d="M9 5l7 7-7 7" />
  </Svg>
);
const ShieldIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <path d="M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6z" />
  </Svg>
);
const KeyIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <circle cx="8" cy="15" r="4" />
    <path d="M11 12l9-9M16 7l3 3M14 9l2 2" />
  </Svg>
);
