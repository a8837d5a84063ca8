import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import type { AuditEntry } from './api';
import { auditLabel } from './labels';
import { compactColumn } from '../components/compactColumn';

const { Text } = Typography;

/** The trail's columns: six on a wide screen, one stacked column (`compactColumns`) on a phone. */
export function useAuditColumns(): { columns: ColumnsType<AuditEntry>; compactColumns: ColumnsType<AuditEntry> } {
  const { t } = useTranslation();

  // the action in words; an action this page does not know yet shows its code
  const actionCell = (action: string) => (
    <div className="antq-audit-code">
      <span data-testid="audit-action">{auditLabel(t, 'auditAction', action)}</span>
    </div>
  );
  const entityCell = (e: AuditEntry) =>
    e.entity ? (
      <div className="antq-audit-code">
        <span>{auditLabel(t, 'auditEntity', e.entity)}</span>
        {e.entity_id && <Text code>{e.entity_id}</Text>}
      </div>
    ) : (
      <Text type="secondary">—</Text>
    );
  const requestIdCell = (id: string | null) =>
    id ? (
      <Text code copyable={{ text: id }} className="antq-nowrap">
        {id}
      </Text>
    ) : (
      <Text type="secondary">—</Text>
    );
  const actorCell = (actor: string | null) => actor || <Text type="secondary">{t('audit.system')}</Text>;

  // a phone has no room for six columns: one column with the same facts, stacked
  const compactColumns = compactColumn<AuditEntry>(
    t('audit.col.entry'),
    'entry',
    (e) => (
      <>
        <Text strong className="antq-nowrap">
          {formatDateTime(e.at, { seconds: true })}
        </Text>
        <span>{actorCell(e.actor)}</span>
      </>
    ),
    (e) => (
      <>
        {actionCell(e.action)}
        {e.entity && (
          <div>
            <Text type="secondary">{t('audit.col.entity')}: </Text>
            <span>{auditLabel(t, 'auditEntity', e.entity)}</span> {e.entity_id && <Text code>{e.entity_id}</Text>}
          </div>
        )}
        {e.reason && (
          <div>
            <Text type="secondary">{t('audit.col.reason')}: </Text>
            {e.reason}
          </div>
        )}
        {e.request_id && (
          <div>
            <Text type="secondary">{t('audit.col.requestId')}: </Text>
            {requestIdCell(e.request_id)}
          </div>
        )}
      </>
    ),
  );

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.col.at'),
      dataIndex: 'at',
      key: 'at',
      width: 170,
      render: (at: string) => <span className="antq-nowrap">{formatDateTime(at, { seconds: true })}</span>,
    },
    { title: t('audit.col.actor'), dataIndex: 'actor', key: 'actor', render: actorCell },
    { title: t('audit.col.action'), dataIndex: 'action', key: 'action', render: actionCell },
    { title: t('audit.col.entity'), key: 'entity', render: (_, e) => entityCell(e) },
    {
      title: t('audit.col.reason'),
      dataIndex: 'reason',
      key: 'reason',
      render: (reason: string | null) => reason || <Text type="secondary">—</Text>,
    },
    {
      title: t('audit.col.requestId'),
      dataIndex: 'request_id',
      key: 'request_id',
      render: requestIdCell,
    },
  ];

  return { columns, compactColumns };
}
