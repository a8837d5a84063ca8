/**
 * `/so/<register>`: one page for every register of the movement, drawn from its config — the
 * list (a table on wide screens, cards on phones) with filters kept in the address, paging from
 * the API, CSV and Excel downloads of exactly the filtered rows, and the record drawer.
 */
import { DownloadOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { getUnit, queryKeys } from '../api';
import type { Page } from '../api/types';
import RequireAuth from '../accounts/RequireAuth';
import { hasPermission, useAuth } from '../accounts/auth';
import ApiErrorAlert from '../components/ApiErrorAlert';
import DownloadButton from '../components/DownloadButton';
import PageHead from '../components/PageHead';
import { useListParams } from '../components/listParams';
import { pageOf } from '../components/StaffTable';
import { useNarrow } from '../components/useBreakpoint';
import { useSelectedUnit } from '../components/useSelectedUnit';
import { downloadName } from '../lib/files';
import { formatNumber } from '../lib/format';
import ImportButton from '../imports/ImportButton';
import { childTargetsOf, targetOfRegister } from '../imports/targets';
import NotFound from '../shell/NotFound';
import { exportUrl, listRecords, registerKeys, type RegisterRecord } from './api';
import { useLabel } from './bits';
import { REGISTER_BY_NAME, pick, registerBySlug, type RegisterConfig, type RegisterName } from './config';
import IdentitySearch from './IdentitySearch';
import MediationBook from './MediationBook';
import RecordDrawer, { type DrawerState } from './RecordDrawer';
import RegisterFilters from './RegisterFilters';
import RegisterTable from './RegisterTable';
import { filterKeys, listQuery, todayVN } from './payload';
import './registers.css';

const { Text } = Typography;

/** The record open in the drawer lives in the address too (`?record=12`, `?record=new`). */
const RECORD_PARAM = 'record';

export default function RegisterPage({ name }: { name?: RegisterName }) {
  const { slug } = useParams();
  const cfg = name ? REGISTER_BY_NAME[name] : registerBySlug(slug);
  if (!cfg) return <NotFound />;
  return (
    <RequireAuth permission={cfg.readPermission}>
      {/* a new register starts with fresh state */}
      <RegisterList key={cfg.name} cfg={cfg} />
    </RequireAuth>
  );
}

function useDrawer(): [DrawerState, (s: DrawerState) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(RECORD_PARAM);
  const state: DrawerState = raw === 'new' ? { mode: 'create' } : raw && /^\d+$/.test(raw) ? { mode: 'edit', id: raw } : null;
  const set = useCallback(
    (s: DrawerState) =>
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        if (!s) p.delete(RECORD_PARAM);
        else p.set(RECORD_PARAM, s.mode === 'create' ? 'new' : String(s.id));
        return p;
      }),
    [setParams],
  );
  return [state, set];
}

function RegisterList({ cfg }: { cfg: RegisterConfig }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { user } = useAuth();
  const keys = filterKeys(cfg);
  const { filters, page, perPage, setFilters, setPage } = useListParams(keys);
  const [unit, setUnit] = useSelectedUnit();
  const [drawer, setDrawer] = useDrawer();
  const [bookOpen, setBookOpen] = useState(false);
  // the exact identity search (reintegration): its answer replaces the list until it is cleared
  const [found, setFound] = useState<Page<RegisterRecord> | null>(null);
  const narrow = useNarrow();
  const canWrite = hasPermission(user, cfg.writePermission);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: label(cfg.title) });
  }, [t, label, cfg]);

  const query = listQuery(cfg, filters, unit, page, perPage);
  const list = useQuery({
    queryKey: registerKeys.list(cfg.name, query),
    queryFn: ({ signal }) => listRecords(cfg.name, query, signal),
    placeholderData: keepPreviousData,
  });
  const anyFilter = keys.some((k) => filters[k]) || !!unit;
  const open = (r: RegisterRecord) => setDrawer({ mode: 'edit', id: String(r.id) });

  return (
    <div className="antq-admin antq-reg-page" data-testid={`register-${cfg.name}`}>
      <PageHead title={label(cfg.title)} intro={t(`registers.intro.${cfg.name}`)}>
        <Space wrap className="antq-reg-head-actions">
          {cfg.name === 'mediations' && (
            <Button icon={<PrinterOutlined />} onClick={() => setBookOpen(true)} data-testid="mediation-book">
              {t('registers.book.button')}
            </Button>
          )}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })} data-testid="record-add">
              {t('registers.list.add', { item: label(cfg.item) })}
            </Button>
          )}
        </Space>
      </PageHead>

      {cfg.pseudonymous && <IdentitySearch cfg={cfg} unit={unit} onFound={setFound} active={!!found} onOpen={open} />}

      <RegisterFilters cfg={cfg} keys={keys} filters={filters} setFilters={setFilters} unit={unit} setUnit={setUnit} />

      <div className="antq-reg-toolbar">
        <Text type="secondary" data-testid="register-total">
          {found
            ? t('registers.identity.found', { n: formatNumber(found.total) })
            : list.data
              ? t('registers.list.total', { n: formatNumber(list.data.total) })
              : ''}
        </Text>
        <Exports cfg={cfg} filters={filters} unit={unit} canImport={canWrite} />
      </div>

      {list.isError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        </div>
      )}

      <RegisterTable
        cfg={cfg}
        rows={found ? found.items : (list.data?.items ?? [])}
        loading={!found && (list.isPending || (list.isFetching && list.isPlaceholderData))}
        onOpen={open}
        emptyText={found ? t('registers.identity.none') : anyFilter ? t('registers.list.noneFiltered') : t('registers.list.none')}
        pagination={
          found ? false : { ...pageOf(list.data, { page, perPage }, setPage), showSizeChanger: !narrow, size: narrow ? 'small' : undefined }
        }
      />

      <RecordDrawer
        cfg={cfg}
        state={drawer}
        defaultUnit={unit}
        onClose={() => setDrawer(null)}
        onCreated={(r) =>
          cfg.name === 'models' || cfg.name === 'groups' || cfg.name === 'reintegration'
            ? setDrawer({ mode: 'edit', id: String(r.id) })
            : setDrawer(null)
        }
      />
      {cfg.name === 'mediations' && (
        <MediationBook open={bookOpen} onClose={() => setBookOpen(false)} defaultUnit={unit ?? user?.unit?.code ?? null} />
      )}
    </div>
  );
}

/**
 * CSV and Excel downloads of exactly the filtered rows, named in Vietnamese with the unit and the day;
 * beside them, "Nhập từ Excel" for those who may write the register, and the imports of what hangs
 * off it ("Nhập lượt giúp đỡ từ Excel"…) for those who may write that.
 */
function Exports({
  cfg,
  filters,
  unit,
  canImport,
}: {
  cfg: RegisterConfig;
  filters: Record<string, string>;
  unit: string | null;
  /** May write the register, so may import into it (the button of "Thêm …"). */
  canImport: boolean;
}) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const chosenUnit = useQuery({
    queryKey: queryKeys.unit(unit ?? ''),
    queryFn: ({ signal }) => getUnit(unit ?? '', signal),
    enabled: !!unit,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const exportQuery = listQuery(cfg, filters, unit);
  // downloads named in Vietnamese: so-tuan-tra_xa-son-tinh_2026-12-04.xlsx
  const fileName = (ext: string) =>
    downloadName(
      `Sổ ${pick(cfg.title, 'vi')}`,
      unit ? (chosenUnit.data?.full_name ?? unit) : (user?.unit?.full_name ?? null),
      todayVN(),
      ext,
    );
  return (
    <Space wrap>
      {EXPORTS.map(({ ext, text }) => (
        <DownloadButton
          key={ext}
          icon={<DownloadOutlined />}
          href={exportUrl(cfg.name, exportQuery, ext)}
          fileName={fileName(ext)}
          data-testid={`export-${ext}`}
        >
          {t(text)}
        </DownloadButton>
      ))}
      {canImport && <ImportButton target={targetOfRegister(cfg)} />}
      {/* the people list's sessions, the models' replications, the groups' members */}
      {childTargetsOf(cfg.name)
        .filter((c) => hasPermission(user, c.writePermission))
        .map((c) => (
          <ImportButton key={c.slug} target={c} />
        ))}
    </Space>
  );
}

const EXPORTS = [
  { ext: 'csv', text: 'registers.list.exportCsv' },
  { ext: 'xlsx', text: 'registers.list.exportXlsx' },
] as const;
