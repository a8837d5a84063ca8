/**
 * `/so/<register>`: one page for every register of the movement, drawn from its config — the
 * list (a table on wide screens, cards on phones) with filters kept in the address, paging from
 * the API, CSV and Excel downloads of exactly the filtered rows, and the record drawer.
 */
import { DownloadOutlined, FilterOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getUnit, queryKeys } from '../api';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import ApiErrorAlert from '../components/ApiErrorAlert';
import DownloadButton from '../components/DownloadButton';
import RequireAuth from '../accounts/RequireAuth';
import UnitField from '../components/form/UnitField';
import NotFound from '../shell/NotFound';
import { hasPermission, useAuth } from '../accounts/auth';
import { downloadName } from '../lib/files';
import { formatNumber } from '../lib/format';
import { PAGE_SIZES, useListParams } from '../components/listParams';
import { useSelectedUnit } from '../components/useSelectedUnit';
import type { Page } from '../api/types';
import { exportUrl, listRecords, mediationBookUrl, registerKeys, type RegisterRecord } from './api';
import { FieldValue, recordTitle, useCatalog, useLabel, useLanguage } from './bits';
import {
  REGISTER_BY_NAME,
  choiceLabel,
  fieldOfRegister,
  filterFields,
  pick,
  registerBySlug,
  type FieldSpec,
  type RegisterConfig,
  type RegisterName,
} from './config';
import IdentitySearch from './IdentitySearch';
import RecordDrawer, { type DrawerState } from './RecordDrawer';
import CatalogSelect from '../components/form/CatalogSelect';
import DateInput from '../components/form/DateInput';
import { matchOption } from '../lib/units';
import { dayOf, filterKeys, listQuery, todayVN, yearVN } from './payload';
import './registers.css';
import { useNarrow } from '../components/useBreakpoint';

const { Title, Paragraph, Text } = Typography;

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
  const lang = useLanguage();
  const { user } = useAuth();
  const keys = filterKeys(cfg);
  const { filters, page, perPage, setFilters, setPage } = useListParams(keys);
  const [unit, setUnit] = useSelectedUnit();
  const [drawer, setDrawer] = useDrawer();
  const [text, setText] = useState(filters.q ?? '');
  const [showFilters, setShowFilters] = useState(false);
  const [bookOpen, setBookOpen] = useState(false);
  // the exact identity search (reintegration): its answer replaces the list until it is cleared
  const [found, setFound] = useState<Page<RegisterRecord> | null>(null);
  const narrow = useNarrow();
  const canWrite = hasPermission(user, cfg.writePermission);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: label(cfg.title) });
  }, [t, label, cfg]);
  useEffect(() => setText(filters.q ?? ''), [filters.q]);

  const query = listQuery(cfg, filters, unit, page, perPage);
  const list = useQuery({
    queryKey: registerKeys.list(cfg.name, query),
    queryFn: ({ signal }) => listRecords(cfg.name, query, signal),
    placeholderData: keepPreviousData,
  });

  const dateField = cfg.dateField ? fieldOfRegister(cfg, cfg.dateField) : undefined;
  const shownFilters = filterFields(cfg);
  const anyFilter = keys.some((k) => filters[k]) || !!unit;
  const activeFilters = keys.filter((k) => k !== 'q' && filters[k] && !(k === 'to' && filters.from)).length + (unit ? 1 : 0);

  const open = (r: RegisterRecord) => setDrawer({ mode: 'edit', id: String(r.id) });
  const titleLink = (r: RegisterRecord) => (
    <Button
      type="link"
      className={`antq-link-button antq-reg-title-link${cfg.pseudonymous ? ' antq-reg-ref' : ''}`}
      onClick={() => open(r)}
      data-testid="record-link"
    >
      <RecordName cfg={cfg} record={r} />
    </Button>
  );

  const columnOf = (f: FieldSpec): ColumnsType<RegisterRecord>[number] => ({
    title: label(f.label),
    key: f.name,
    render: (_, r) =>
      f.name === cfg.titleField ? (
        titleLink(r)
      ) : f.type === 'long_text' ? (
        <Paragraph ellipsis={{ rows: 2 }} className="antq-reg-cell-text">
          {typeof r[f.name] === 'string' ? (r[f.name] as string) : ''}
        </Paragraph>
      ) : (
        <FieldValue field={f} record={r} />
      ),
    align: f.type === 'count' ? 'right' : undefined,
    width: f.type === 'count' ? 130 : f.type === 'year' ? 90 : undefined,
  });

  const columns: ColumnsType<RegisterRecord> = [
    ...(dateField ? [{ ...columnOf(dateField), width: dateField.type === 'datetime' ? 150 : 110 }] : []),
    ...cfg.columns
      .map((n) => fieldOfRegister(cfg, n))
      .filter((f): f is FieldSpec => !!f)
      .map(columnOf),
    { title: t('registers.list.unit'), key: 'unit', render: (_, r) => r.unit.name, width: 170 },
  ];
  // the title is the link: a register whose title is not a column gets it in front
  if (!cfg.columns.includes(cfg.titleField)) {
    const titleField = fieldOfRegister(cfg, cfg.titleField);
    if (titleField) columns.splice(dateField ? 1 : 0, 0, columnOf(titleField));
    // a person is named by a pseudonymous reference, never by name
    else if (cfg.pseudonymous)
      columns.splice(0, 0, { title: t('registers.list.ref'), key: 'ref', render: (_, r) => titleLink(r), width: 130 });
  }

  const compactColumns: ColumnsType<RegisterRecord> = [
    {
      title: label(cfg.title),
      key: 'record',
      render: (_, r) => <RecordCard cfg={cfg} record={r} title={titleLink(r)} />,
    },
  ];

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
  const size = list.data?.per_page ?? perPage;

  return (
    <div className="antq-admin antq-reg-page" data-testid={`register-${cfg.name}`}>
      <div className="antq-admin__head">
        <div>
          <Title level={1} className="antq-page-title">
            {label(cfg.title)}
          </Title>
          <Paragraph type="secondary">{t(`registers.intro.${cfg.name}`)}</Paragraph>
        </div>
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
      </div>

      {cfg.pseudonymous && <IdentitySearch cfg={cfg} unit={unit} onFound={setFound} active={!!found} onOpen={open} />}

      <div className="antq-reg-filters" data-testid="register-filters">
        <div className="antq-reg-filter antq-reg-filter--wide">
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilters({ q: v })}
            placeholder={cfg.pseudonymous ? t('registers.list.searchPseudonymous') : t('registers.list.search')}
            aria-label={cfg.pseudonymous ? t('registers.list.searchPseudonymous') : t('registers.list.search')}
            enterButton={t('registers.list.searchButton')}
            allowClear
            maxLength={200}
            data-testid="filter-q"
          />
        </div>
        {narrow && (
          <div className="antq-reg-filter">
            <Button
              icon={<FilterOutlined />}
              onClick={() => setShowFilters(!showFilters)}
              aria-expanded={showFilters}
              data-testid="filters-toggle"
            >
              {showFilters ? t('registers.list.hideFilters') : t('registers.list.showFilters', { n: activeFilters })}
            </Button>
          </div>
        )}
        {(!narrow || showFilters) && (
          <>
            <div className="antq-reg-filter">
              <span className="antq-reg-filter__label">{t('registers.list.unit')}</span>
              <UnitField value={unit} onChange={setUnit} />
            </div>
            {dateField && (
              <>
                <label className="antq-reg-filter antq-reg-filter--date">
                  <span className="antq-reg-filter__label">{t('registers.list.from', { label: label(dateField.label) })}</span>
                  <DateInput value={dayOf(filters.from)} onChange={(d) => setFilters({ from: d?.format('YYYY-MM-DD') ?? '' })} />
                </label>
                <label className="antq-reg-filter antq-reg-filter--date">
                  <span className="antq-reg-filter__label">{t('registers.list.to')}</span>
                  <DateInput value={dayOf(filters.to)} onChange={(d) => setFilters({ to: d?.format('YYYY-MM-DD') ?? '' })} />
                </label>
              </>
            )}
            {shownFilters.map((f) => (
              <label key={f.name} className="antq-reg-filter" data-testid={`filter-${f.name}`}>
                <span className="antq-reg-filter__label">{label(f.label)}</span>
                {f.type === 'code' || f.type === 'codes' ? (
                  <CatalogSelect
                    field={f}
                    value={filters[f.name] || undefined}
                    onChange={(v) => setFilters({ [f.name]: typeof v === 'string' ? v : '' })}
                    allowClear
                    placeholder={t('registers.list.all')}
                  />
                ) : f.type === 'choice' ? (
                  <Select
                    allowClear
                    placeholder={t('registers.list.all')}
                    value={filters[f.name] || undefined}
                    onChange={(v?: string) => setFilters({ [f.name]: v ?? '' })}
                    options={(f.choices ?? []).map((c) => ({ value: c.code, label: choiceLabel(f, c.code, lang) }))}
                    showSearch
                    filterOption={matchOption}
                  />
                ) : (
                  <InputNumber
                    value={filters[f.name] ? Number(filters[f.name]) : null}
                    onChange={(v) => setFilters({ [f.name]: v ? String(v) : '' })}
                    min={1900}
                    max={2100}
                    precision={0}
                    placeholder={t('registers.list.all')}
                    style={{ width: '100%' }}
                  />
                )}
              </label>
            ))}
            {anyFilter && (
              <div className="antq-reg-filter antq-reg-filter--end">
                <Button
                  onClick={() => {
                    setFilters(Object.fromEntries(keys.map((k) => [k, ''])));
                    setUnit(null);
                  }}
                  data-testid="filters-reset"
                >
                  {t('registers.list.reset')}
                </Button>
              </div>
            )}
          </>
        )}
      </div>

      <div className="antq-reg-toolbar">
        <Text type="secondary" data-testid="register-total">
          {found
            ? t('registers.identity.found', { n: formatNumber(found.total) })
            : list.data
              ? t('registers.list.total', { n: formatNumber(list.data.total) })
              : ''}
        </Text>
        <Space wrap>
          <DownloadButton
            icon={<DownloadOutlined />}
            href={exportUrl(cfg.name, exportQuery, 'csv')}
            fileName={fileName('csv')}
            data-testid="export-csv"
          >
            {t('registers.list.exportCsv')}
          </DownloadButton>
          <DownloadButton
            icon={<DownloadOutlined />}
            href={exportUrl(cfg.name, exportQuery, 'xlsx')}
            fileName={fileName('xlsx')}
            data-testid="export-xlsx"
          >
            {t('registers.list.exportXlsx')}
          </DownloadButton>
        </Space>
      </div>

      {list.isError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        </div>
      )}

      <Table<RegisterRecord>
        className="antq-block antq-reg-table"
        data-testid="register-table"
        rowKey={(r) => String(r.id)}
        size="middle"
        columns={narrow ? compactColumns : columns}
        showHeader={!narrow}
        dataSource={found ? found.items : (list.data?.items ?? [])}
        loading={!found && (list.isPending || (list.isFetching && list.isPlaceholderData))}
        scroll={narrow ? undefined : { x: 900 }}
        onRow={(r) => ({ onClick: (e) => !(e.target as HTMLElement).closest('button,a') && open(r), className: 'antq-reg-row' })}
        locale={{
          emptyText: found ? t('registers.identity.none') : anyFilter ? t('registers.list.noneFiltered') : t('registers.list.none'),
        }}
        pagination={
          found
            ? false
            : {
                current: list.data?.page ?? page,
                pageSize: size,
                total: list.data?.total ?? 0,
                pageSizeOptions: PAGE_SIZES.map(String),
                showSizeChanger: !narrow,
                size: narrow ? 'small' : undefined,
                onChange: setPage,
              }
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

/** The record's title; without one (a mediation without content), its number and its kind. */
function RecordName({ cfg, record }: { cfg: RegisterConfig; record: RegisterRecord }) {
  const lang = useLanguage();
  const { label } = useCatalog();
  const title = recordTitle(cfg, record);
  if (title !== `#${record.id}`) return <>{title}</>;
  const f = cfg.fields.find((x) => x.type === 'code' || x.type === 'choice');
  const v = f ? record[f.name] : null;
  const kind = f && typeof v === 'string' ? (f.type === 'code' && f.catalog ? label(f.catalog, v) : choiceLabel(f, v, lang)) : '';
  return <>{kind ? `${title} · ${kind}` : title}</>;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** A record as a card on a phone: title, tags, date and unit, the other columns. */
function RecordCard({ cfg, record, title }: { cfg: RegisterConfig; record: RegisterRecord; title: ReactNode }) {
  const label = useLabel();
  const dateField = cfg.dateField ? fieldOfRegister(cfg, cfg.dateField) : undefined;
  const shown = cfg.columns.map((n) => fieldOfRegister(cfg, n)).filter((f): f is FieldSpec => !!f && f.name !== cfg.titleField);
  const tags = shown.filter((f) => f.type === 'choice');
  // empty values make no line on a phone
  const rest = shown.filter((f) => (f.type === 'people' ? !!record[`${f.name}_count`] : f.type !== 'choice' && !isEmpty(record[f.name])));
  return (
    <div className="antq-compact-row antq-reg-card" data-testid="record-card">
      <div className="antq-compact-row__head">
        {title}
        <span className="antq-reg-tags antq-reg-card__tags">
          {tags.map((f) => (
            <FieldValue key={f.name} field={f} record={record} />
          ))}
        </span>
      </div>
      <Text type="secondary">
        {dateField && <FieldValue field={dateField} record={record} />}
        {dateField ? ' · ' : ''}
        {record.unit.name}
      </Text>
      {rest.map((f) => (
        <div key={f.name} className="antq-reg-card__line">
          <Text type="secondary">{label(f.label)}: </Text>
          {f.type === 'long_text' ? (
            <Paragraph ellipsis={{ rows: 2 }} className="antq-reg-cell-text antq-reg-card__text">
              {typeof record[f.name] === 'string' ? (record[f.name] as string) : ''}
            </Paragraph>
          ) : (
            <FieldValue field={f} record={record} />
          )}
        </div>
      ))}
    </div>
  );
}

/** "In sổ hòa giải": the printable book of a village (or commune) for a year, in a new tab. */
function MediationBook({ open, onClose, defaultUnit }: { open: boolean; onClose: () => void; defaultUnit: string | null }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | null>(defaultUnit);
  const [year, setYear] = useState<number | null>(yearVN());
  useEffect(() => {
    if (open) setUnit(defaultUnit);
  }, [open, defaultUnit]);
  const url = unit && year ? mediationBookUrl(unit, year) : undefined;
  return (
    <Modal
      open={open}
      title={t('registers.book.title')}
      onCancel={onClose}
      destroyOnHidden
      data-testid="book-modal"
      footer={
        <div className="antq-form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            href={url}
            target="_blank"
            rel="noopener"
            disabled={!url}
            onClick={onClose}
            data-testid="book-open"
          >
            {t('registers.book.open')}
          </Button>
        </div>
      }
    >
      <Paragraph type="secondary">{t('registers.book.hint')}</Paragraph>
      <Form layout="vertical" name="book">
        <Form.Item label={t('registers.book.unit')} required>
          <UnitField value={unit} onChange={setUnit} />
        </Form.Item>
        <Form.Item label={t('registers.book.year')} required>
          <InputNumber value={year} onChange={(v) => setYear(v)} min={2000} max={yearVN()} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
