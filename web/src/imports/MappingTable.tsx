/**
 * Which column of the sheet feeds which field of the register, as the server matched the headers:
 * the person corrects a match with the select (or ignores a column), and the file is checked again.
 * The fields offered are the server's (its answer's `columns`); a required one no column feeds yet
 * stands out in the list.
 */
import { Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../registers/bits';
import { currentMapping, fieldOptions, missingColumns, type MappingAnswer, type MappingChoice, type MappingEntry } from './logic';
import type { ImportTarget } from './targets';

const { Title, Paragraph } = Typography;

/** The select's value for "ignored" (a select cannot hold null). */
const SKIP = '';

interface Props {
  target: ImportTarget;
  answer: MappingAnswer;
  choice: MappingChoice | null;
  onChange: (header: string, field: string | null) => void;
  disabled?: boolean;
}

export default function MappingTable({ target, answer, choice, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const entries = answer.mapping;
  const shown = currentMapping(entries, choice);
  const missing = new Set(missingColumns(target, answer, lang).map((m) => m.value));
  const options = [
    { value: SKIP, label: t('imports.mapping.skip') },
    ...fieldOptions(target, answer, lang).map((o) =>
      missing.has(o.value) ? { ...o, className: 'antq-import-option-missing', title: t('imports.missing.option') } : o,
    ),
  ];
  const columns: ColumnsType<MappingEntry> = [
    { title: t('imports.mapping.column'), dataIndex: 'column', key: 'column', width: 64 },
    { title: t('imports.mapping.header'), dataIndex: 'header', key: 'header' },
    {
      title: t('imports.mapping.field'),
      key: 'field',
      width: '50%',
      render: (_, e) => (
        <Select
          className="antq-import-field"
          value={shown[e.header] ?? SKIP}
          options={options}
          disabled={disabled || !e.header.trim()}
          showSearch
          // a register has at most ~20 fields: every option rendered, so "Bỏ qua" at the top is
          // reachable while the list opens scrolled to a field at the bottom
          virtual={false}
          optionFilterProp="label"
          aria-label={`${t('imports.mapping.field')}: ${e.header}`}
          onChange={(v: string) => onChange(e.header, v === SKIP ? null : v)}
          data-testid={`mapping-${e.column}`}
        />
      ),
    },
  ];
  return (
    <div className="antq-import-gap" data-testid="import-mapping">
      <Title level={2} className="antq-import-subtitle">
        {t('imports.mapping.title')}
      </Title>
      <Paragraph type="secondary">{t('imports.mapping.hint')}</Paragraph>
      <Table<MappingEntry>
        size="small"
        rowKey="column"
        columns={columns}
        dataSource={entries}
        pagination={false}
        rowClassName={(e) => (shown[e.header] ? '' : 'antq-import-skipped')}
      />
    </div>
  );
}
