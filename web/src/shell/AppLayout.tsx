import { MenuOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { getHealth, getUnit, queryKeys } from '../api';
import { installIconLabels } from './a11y';
import { PERMISSIONS, hasPermission, useAuth } from '../accounts/auth';
import { unitKindColor, unitKindKey } from '../lib/units';
import { unitSearch, useSelectedUnit } from '../components/useSelectedUnit';
import { REPORTS_PATH, REPORTS_READ } from '../reports/paths';
import { NEWS_APPROVE, NEWS_PATH, NEWS_WRITE } from '../news/paths';
import { registersMenuItem, registersSelectedKey, securityMenuItem } from '../registers/menu';
import LanguageSwitch from '../components/LanguageSwitch';
import NotificationBell from '../tips/NotificationBell';
import OutboxBadge from '../offline/OutboxBadge';
import ReauthModal from '../accounts/ReauthModal';
import UnitField from '../components/form/DeferredUnitField';
import { watchFirstPage } from './pageShown';
import UserMenu from '../accounts/UserMenu';
import OnceOpened from '../components/OnceOpened';
import './workspace.css';
import { useBreakpoint } from '../components/useBreakpoint';

// a phone's menu (a drawer) loads when its button is first pressed
const MenuDrawer = lazy(() => import('./MenuDrawer'));

// `permission`: one of them is enough
const NAV: readonly { path: string; key: string; permission?: string | readonly string[] }[] = [
  { path: '/', key: 'nav.home' },
  { path: '/tin-bao', key: 'nav.tips', permission: PERMISSIONS.tipsRead },
  { path: NEWS_PATH, key: 'nav.news', permission: [NEWS_WRITE, NEWS_APPROVE] },
  { path: REPORTS_PATH, key: 'nav.reports', permission: REPORTS_READ },
  { path: '/units', key: 'nav.units' },
  { path: '/login', key: 'nav.login' },
];

/** The page frame: header (brand, menu, language), unit bar, content, footer. */
export default function AppLayout() {
  const { t } = useTranslation();
  const screens = useBreakpoint();
  const wide = screens.lg;
  const location = useLocation();
  const [unit, setUnit] = useSelectedUnit();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { user } = useAuth();
  // icon names ("close", "plus") are not read out; icon-only controls get a Vietnamese name
  useEffect(() => installIconLabels(), []);
  // what the pages hold back loads once the first page's heading shows (pageShown.ts)
  useEffect(() => watchFirstPage(document.getElementById('main')!), []);
  // the unit bar is for browsing; the login, own-account and administration pages do not use it
  // (the tip and register pages have the unit among their own filters)
  const showUnitBar =
    !/^\/(login|account|admin|tin-bao|tin-tuc-canh-bao|so|tai-hoa-nhap|dia-ban-trong-diem|danh-gia-an-toan|bao-cao)(\/|$)/.test(
      location.pathname,
    );

  const { menuItems, selectedKey } = useMainMenu(unit, () => setDrawerOpen(false));

  return (
    <Layout className="antq-layout">
      <a className="antq-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="antq-header" data-testid="app-header">
        <div className="antq-container antq-header__inner">
          <Link to={{ pathname: '/', search: unitSearch(unit) }} className="antq-brand" aria-label={t('nav.home')}>
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <span className="antq-brand__text">
              <span className="antq-brand__name">{t('app.name')}</span>
              <span className="antq-brand__subtitle">{t('app.subtitle')}</span>
            </span>
          </Link>
          {wide && (
            <nav className="antq-header__nav" aria-label={t('nav.menuTitle')}>
              <Menu
                theme="dark"
                mode="horizontal"
                selectedKeys={[selectedKey]}
                items={menuItems}
                data-testid="main-menu"
                className="antq-menu"
              />
            </nav>
          )}
          <div className="antq-header__tools">
            {/* a logged-in officer's menu has up to six entries: short labels leave them room below 1600 px */}
            <LanguageSwitch compact={!wide || (!!user && !screens.xxl)} />
            {user && <OutboxBadge user={user.username} />}
            {user && <NotificationBell />}
            {user && <UserMenu user={user} compact={!wide} />}
            {!wide && (
              <Button
                type="text"
                className="antq-menu-button"
                icon={<MenuOutlined />}
                aria-label={t('nav.openMenu')}
                data-testid="menu-button"
                onClick={() => setDrawerOpen(true)}
              />
            )}
          </div>
        </div>
      </header>

      {showUnitBar && <UnitBar unit={unit} setUnit={setUnit} />}

      <Layout.Content id="main" className="antq-content" tabIndex={-1}>
        <div className="antq-container">
          <Suspense fallback={<Spin size="large" className="antq-page-spin" />}>
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>

      <AppFooter />

      {user && <ReauthModal />}

      <OnceOpened open={!wide && drawerOpen}>
        <MenuDrawer open={!wide && drawerOpen} onClose={() => setDrawerOpen(false)} selectedKey={selectedKey} items={menuItems} />
      </OnceOpened>
    </Layout>
  );
}

/** The main menu's entries (the pages this user may open, the register groups after the tips) and the current one. */
function useMainMenu(unit: string | null, closeDrawer: () => void) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { user } = useAuth();
  // a logged-in user has the user menu instead of the "Đăng nhập" link
  const nav = NAV.filter(
    (n) => (user ? n.path !== '/login' : true) && (!n.permission || [n.permission].flat().some((p) => hasPermission(user, p))),
  );
  const selectedKey =
    registersSelectedKey(location.pathname) ??
    nav.find((n) => n.path !== '/' && location.pathname.startsWith(n.path))?.path ??
    (location.pathname === '/' ? '/' : '');
  const menuItems = nav.map((n) => ({
    key: n.path,
    label: (
      <Link to={{ pathname: n.path, search: unitSearch(unit) }} onClick={closeDrawer}>
        {t(n.key)}
      </Link>
    ),
  }));
  // "Sổ phong trào" (the movement registers) after the tips
  const registersItem = registersMenuItem(user, t, i18n.resolvedLanguage, unit, closeDrawer);
  // "An ninh, trật tự" (reintegration, hotspots, evaluations) after them
  const securityItem = securityMenuItem(user, t, i18n.resolvedLanguage, unit, closeDrawer);
  const groups = [registersItem, securityItem].filter((g): g is NonNullable<typeof g> => !!g);
  if (groups.length) {
    const at = menuItems.findIndex((m) => m.key === '/tin-bao');
    (menuItems as object[]).splice(at >= 0 ? at + 1 : Math.min(1, menuItems.length), 0, ...groups);
  }
  return { menuItems, selectedKey };
}

/** The unit being browsed, chosen in the bar under the header (kept in the address). */
function UnitBar({ unit, setUnit }: { unit: string | null; setUnit: (code: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <div className="antq-unitbar" data-testid="unit-bar">
      <div className="antq-container antq-unitbar__inner">
        <label className="antq-unitbar__label" htmlFor="antq-unit-picker">
          {t('unitPicker.label')}
        </label>
        <div className="antq-unitbar__picker">
          <UnitField id="antq-unit-picker" value={unit} onChange={setUnit} />
        </div>
        {unit && <SelectedUnitPath code={unit} />}
      </div>
    </div>
  );
}

/** "Đang xem: Tỉnh Quảng Ngãi › Xã Sơn Tịnh" with the unit's kind. */
function SelectedUnitPath({ code }: { code: string }) {
  const { t } = useTranslation();
  const unit = useQuery({
    queryKey: queryKeys.unit(code),
    queryFn: ({ signal }) => getUnit(code, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!unit.data) return null;
  const path = [...unit.data.ancestors.map((a) => a.full_name), unit.data.full_name].join(' › ');
  return (
    <div className="antq-unitbar__current" data-testid="selected-unit">
      <Typography.Text type="secondary" className="antq-unitbar__current-label">
        {t('unitPicker.current')}:
      </Typography.Text>
      <Typography.Text strong ellipsis={{ tooltip: path }} className="antq-unitbar__path">
        {path}
      </Typography.Text>
      <Tag color={unitKindColor(unit.data.kind)}>{t(unitKindKey(unit.data.kind))}</Tag>
    </div>
  );
}

function AppFooter() {
  const { t } = useTranslation();
  return (
    <Layout.Footer className="antq-footer">
      <div className="antq-container">
        <Typography.Text type="secondary">
          © {new Date().getFullYear()} {t('app.footer')}
        </Typography.Text>
        <FooterVersion />
      </div>
    </Layout.Footer>
  );
}

function FooterVersion() {
  const { t } = useTranslation();
  const health = useQuery({ queryKey: queryKeys.health, queryFn: ({ signal }) => getHealth(signal), retry: 1 });
  if (!health.data?.version) return null;
  return (
    <Typography.Text type="secondary" className="antq-footer__version">
      {t('app.version', { version: health.data.version })}
    </Typography.Text>
  );
}
