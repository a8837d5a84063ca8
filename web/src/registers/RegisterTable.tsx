/**
 * A register's list: a table on wide screens (the date, the register's columns, the unit; the
 * title is the link that opens the record), one card a record on phones.
 */
import { Button, Typography, type TablePaginationConfig } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import StaffTable from '../components/StaffTable';
import type { RegisterRecord } from './api';
import { FieldValue, recordTitle, useCatalog, useLabel, useLanguage } from './bits';
import { choiceLabel, fieldOfRegister, type FieldSpec, type RegisterConfig } from './config';

const { Paragraph, Text } = Typography;

interface Props {
  cfg: RegisterConfig;
  rows: readonly RegisterRecord[];
  loading: boolean;
  emptyText: string;
  pagination: TablePaginationConfig | false;
  onOpen: (r: RegisterRecord) => void;
}

export default function RegisterTable({ cfg, rows, loading, emptyText, pagination, onOpen }: Props) {
  const { columns, compactColumns } = useColumns(cfg, onOpen);
  return (
    <StaffTable<RegisterRecord>
      className="antq-block antq-reg-table"
      data-testid="register-table"
      rowKey={(r) => String(r.id)}
      columns={columns}
      compactColumns={compactColumns}
      scrollX={900}
      dataSource={rows}
      loading={loading}
      onRow={(r) => ({ onClick: (e) => !(e.target as HTMLElement).closest('button,a') && onOpen(r), className: 'antq-reg-row' })}
      locale={{ emptyText }}
      pagination={pagination}
    />
  );
}

/** The table's columns (wide screens), and its one column of cards (phones). */
function useColumns(cfg: RegisterConfig, onOpen: (r: RegisterRecord) => void) {
  const { t } = useTranslation();
  const label = useLabel();
  const titleLink = (r: RegisterRecord) => (
    <Button
      type="link"
      className={`antq-link-button antq-reg-title-link${cfg.pseudonymous ? ' antq-reg-ref' : ''}`}
      onClick={() => onOpen(r)}
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

  const dateField = cfg.dateField ? fieldOfRegister(cfg, cfg.dateField) : undefined;
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
  return { columns, compactColumns };
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
