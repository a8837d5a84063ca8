/**
 * `/bao-cao`: the reports dashboard (issue 7) — the figures of an area (the user's own by default)
 * for a reporting period (15th to 14th presets or any two days), compared with the same period a
 * year earlier; KPI cards, the trend, the split by organising force and by topic, the province map,
 * the units below with drill-down; exports, the printable A4 report and the issued reports.
 * The state lives in the address (?unit=&period=&back=&from=&to=&compare=1&metric=).
 */
import RequireAuth from '../accounts/RequireAuth';
import { Dashboard } from './dashboard/Dashboard';
import './i18n';
import { REPORTS_READ } from './paths';
import './reports.css';

export default function ReportsPage() {
  return (
    <RequireAuth permission={REPORTS_READ}>
      <Dashboard />
    </RequireAuth>
  );
}
