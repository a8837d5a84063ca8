import { useTranslation } from 'react-i18next';
import { type UnitDetail, type UnitRef } from '../../api';

/** "Toàn quốc › Tỉnh Quảng Ngãi › Xã Sơn Tịnh": the levels from the user's area down, each clickable. */
export function AreaBreadcrumb({
  unit,
  detail,
  own,
  onSelect,
}: {
  unit: string | null;
  detail: UnitDetail | null;
  own: UnitRef | null;
  onSelect: (code: string | null) => void;
}) {
  const { t } = useTranslation();
  const root = own?.full_name ?? t('reports.country');
  const chain: UnitRef[] = [];
  if (unit && detail && detail.code === unit) {
    const path: UnitRef[] = [...detail.ancestors, detail];
    // only the levels inside the user's area: from below the user's own unit down
    const ownAt = own ? path.findIndex((a) => a.code === own.code) : -1;
    chain.push(...path.slice(ownAt + 1));
  }
  const link = (label: string, code: string | null, testId: string) => (
    <a
      href="#"
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        onSelect(code);
      }}
    >
      {label}
    </a>
  );
  // a plain list (Ant Design's Breadcrumb would add weight to the chunk every staff page loads)
  const items = [
    { key: 'root', node: chain.length ? link(root, null, 'crumb-root') : <span data-testid="crumb-root">{root}</span> },
    ...chain.map((u, i) => ({
      key: u.code,
      node:
        i < chain.length - 1 ? link(u.full_name, u.code, `crumb-${u.code}`) : <span data-testid={`crumb-${u.code}`}>{u.full_name}</span>,
    })),
  ];
  return (
    <nav aria-label={t('reports.breadcrumb')} className="antq-reports__crumbs" data-testid="reports-breadcrumb">
      <ol>
        {items.map((it, i) => (
          <li key={it.key} aria-current={i === items.length - 1 ? 'location' : undefined}>
            {it.node}
          </li>
        ))}
      </ol>
    </nav>
  );
}
