/**
 * Two versions of one record side by side: the officer's (their changes on the version they
 * opened) and the one on the server (saved by someone else meanwhile), with who saved it and when;
 * the officer keeps theirs (sent again on the current version) or takes the server's.
 */
import { Button, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import type { RegisterRecord } from './api';
import { FieldValue, useLabel } from './bits';
import type { FieldSpec, RegisterConfig } from './config';

export interface Conflict {
  /** The record as the officer would have it: the version they opened, with their changes. */
  mine: RegisterRecord;
  /** The record as it is on the server now. */
  current: RegisterRecord;
}

/** The fields whose values differ between the two versions (all fields when none do). */
function differing(cfg: RegisterConfig, c: Conflict): FieldSpec[] {
  const same = (f: FieldSpec) => JSON.stringify(c.mine[f.name] ?? null) === JSON.stringify(c.current[f.name] ?? null);
  const fields = cfg.fields.filter((f) => !same(f));
  return fields.length ? fields : [...cfg.fields];
}

export default function EditConflictDialog({
  cfg,
  conflict,
  saving,
  onKeepMine,
  onTakeTheirs,
  onCancel,
}: {
  cfg: RegisterConfig;
  conflict: Conflict | null;
  saving: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const rows = conflict ? differing(cfg, conflict) : [];
  return (
    <Modal
      open={conflict !== null}
      title={t('registers.conflict.title')}
      onCancel={onCancel}
      width={760}
      data-testid="edit-conflict"
      footer={[
        <Button key="theirs" onClick={onTakeTheirs} disabled={saving} data-testid="conflict-theirs">
          {t('registers.conflict.takeTheirs')}
        </Button>,
        <Button key="mine" type="primary" onClick={onKeepMine} loading={saving} data-testid="conflict-mine">
          {t('registers.conflict.keepMine')}
        </Button>,
      ]}
    >
      {conflict && (
        <>
          <Typography.Paragraph>
            {t('registers.conflict.intro', { at: formatDateTime(conflict.current.updated_at ?? null) })}
          </Typography.Paragraph>
          <Table<FieldSpec>
            size="small"
            pagination={false}
            rowKey="name"
            dataSource={rows}
            columns={[
              { key: 'field', title: t('registers.conflict.field'), render: (_, f) => label(f.label) },
              {
                key: 'mine',
                title: t('registers.conflict.mine'),
                render: (_, f) => (
                  <span data-testid={`conflict-mine-${f.name}`}>
                    <FieldValue field={f} record={conflict.mine} />
                  </span>
                ),
              },
              {
                key: 'theirs',
                title: t('registers.conflict.theirs'),
                render: (_, f) => (
                  <span data-testid={`conflict-theirs-${f.name}`}>
                    <FieldValue field={f} record={conflict.current} />
                  </span>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
