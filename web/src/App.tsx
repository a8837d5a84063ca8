import { Spin } from 'antd';
import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router';
import AppLayout from './shell/AppLayout';
import PasswordChangeGate from './accounts/PasswordChangeGate';
import RequireAuth from './accounts/RequireAuth';
import { PERMISSIONS } from './accounts/auth';
import { HomeRedirect } from './shell/HomeRedirect';
import { STAFF_HOME } from './public/paths';
import { UNITS_WRITE } from './units/manage';
import { NEWS_PATH } from './news/paths';
import OutboxSync from './offline/OutboxSync';
import { OUTBOX_PATH } from './offline/paths';
import { isTasksView } from './tips/paths';

// The site's home page (/) is the citizens' page of the small public app (main.tsx); every page of
// the staff app loads on demand, the workspace (/lam-viec) too: the first load is the frame alone.
const Home = lazy(() => import('./shell/Home'));
const Units = lazy(() => import('./units/UnitsPage'));
// the 2025 reform's review queue: units of split communes waiting for a new commune
const ReformPending = lazy(() => import('./units/reform/PendingPage'));
const Login = lazy(() => import('./accounts/Login'));
const ChangePassword = lazy(() => import('./accounts/ChangePassword'));
// a temporary password's first page: outside the workspace's frame (its menu would not open)
const SetPassword = lazy(() => import('./accounts/SetPassword'));
const TwoFactor = lazy(() => import('./accounts/TwoFactor'));
const Users = lazy(() => import('./accounts/users/UsersPage'));
const Audit = lazy(() => import('./audit/AuditPage'));
// the inbox (filters, table) is asked for with the page, at once: under the to-do panel where a
// police officer lands it loads once the panel is shown (TipsPage)
const Tips = lazy(() => {
  if (!isTasksView(window.location.search)) void import('./tips/TipsInbox');
  return import('./tips/TipsPage');
});
const TipDetail = lazy(() => import('./tips/TipDetailPage'));
const NotFound = lazy(() => import('./shell/NotFound'));
// the movement registers: one page for all of them, and the quick form of a village officer
const RegisterPage = lazy(() => import('./registers/RegisterPage'));
const QuickActivity = lazy(() => import('./registers/QuickActivity'));
// "Nhập dữ liệu từ Excel" of a register or another import target (/nhap-du-lieu/<slug>, imports/targets.ts): checks its write permission
const ImportPage = lazy(() => import('./imports/ImportPage'));
// security work: reintegration and hotspots (registers with their own addresses), evaluations
const Evaluations = lazy(() => import('./evaluations/EvaluationsPage'));
const EvaluationDetail = lazy(() => import('./evaluations/EvaluationDetail'));
const CriteriaSets = lazy(() => import('./evaluations/CriteriaSets'));
// news, warnings and notices for residents (issue 15): the list, the compose form, a post
const News = lazy(() => import('./news/NewsPage'));
const NewsCompose = lazy(() => import('./news/ComposePage'));
const NewsDetail = lazy(() => import('./news/PostPage'));
// what this phone has not yet sent (issue 17)
const Outbox = lazy(() => import('./offline/OutboxPage'));
// the reports dashboard (with ECharts and the province map: its own chunks)
const Reports = lazy(() => import('./reports/ReportsPage'));

export default function App() {
  return (
    <PasswordChangeGate>
      <OutboxSync />
      <Routes>
        <Route
          path="account/set-password"
          element={
            <Suspense fallback={<Spin size="large" className="antq-page-spin" />}>
              <SetPassword />
            </Suspense>
          }
        />
        <Route element={<AppLayout />}>
          {/* "/" inside this app: the workspace for an officer, else a full load of the public home page */}
          <Route index element={<HomeRedirect />} />
          <Route path={STAFF_HOME.slice(1)} element={<Home />} />
          <Route path="units" element={<Units />} />
          <Route
            path="units/cho-phan-ve-xa"
            element={
              <RequireAuth permission={UNITS_WRITE}>
                <ReformPending />
              </RequireAuth>
            }
          />
          <Route path="login" element={<Login />} />
          <Route
            path="account/password"
            element={
              <RequireAuth>
                <ChangePassword />
              </RequireAuth>
            }
          />
          <Route
            path="account/totp"
            element={
              <RequireAuth>
                <TwoFactor />
              </RequireAuth>
            }
          />
          <Route
            path="admin/users"
            element={
              <RequireAuth permission={PERMISSIONS.usersManage}>
                <Users />
              </RequireAuth>
            }
          />
          <Route
            path="admin/audit"
            element={
              <RequireAuth permission={PERMISSIONS.auditRead}>
                <Audit />
              </RequireAuth>
            }
          />
          <Route
            path="tin-bao"
            element={
              <RequireAuth permission={PERMISSIONS.tipsRead}>
                <Tips />
              </RequireAuth>
            }
          />
          <Route
            path="tin-bao/:id"
            element={
              <RequireAuth permission={PERMISSIONS.tipsRead}>
                <TipDetail />
              </RequireAuth>
            }
          />
          {/* each register checks its own permission (registers/config.ts) */}
          <Route path="so/ghi-hoat-dong" element={<QuickActivity />} />
          <Route path="so/:slug" element={<RegisterPage />} />
          <Route path="tai-hoa-nhap" element={<RegisterPage name="reintegration" />} />
          <Route path="dia-ban-trong-diem" element={<RegisterPage name="hotspots" />} />
          <Route path="nhap-du-lieu/:slug" element={<ImportPage />} />
          <Route path="danh-gia-an-toan" element={<Evaluations />} />
          <Route path="danh-gia-an-toan/bo-tieu-chi" element={<CriteriaSets />} />
          <Route path="danh-gia-an-toan/:id" element={<EvaluationDetail />} />
          <Route path="bao-cao" element={<Reports />} />
          <Route path={OUTBOX_PATH.slice(1)} element={<Outbox />} />
          {/* each news page checks news.write / news.approve itself */}
          <Route path={NEWS_PATH.slice(1)} element={<News />} />
          <Route path={`${NEWS_PATH.slice(1)}/soan-tin`} element={<NewsCompose />} />
          <Route path={`${NEWS_PATH.slice(1)}/:id`} element={<NewsDetail />} />
          <Route path={`${NEWS_PATH.slice(1)}/:id/sua`} element={<NewsCompose />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </PasswordChangeGate>
  );
}
