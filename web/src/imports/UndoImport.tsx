/**
 * "Hoàn tác lần nhập": DELETE /api/v1/imports/{id} after a confirmation — the batch's records go,
 * except those edited since (listed); a second undo (409) or one after 7 days (422) shows the
 * server's message.
 */
import { UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { formatNumber } from '../lib/format';
import { importKeys, importedDataKey, undoImport, type KeptRecord, type UndoResult } from './api';
import type { ImportTarget } from './targets';

const { Text } = Typography;

interface Props {
  target: ImportTarget;
  id: string;
  onUndone: (r: UndoResult) => void;
}

export default function UndoImport({ target, id, onUndone }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const undo = useMutation({
    mutationFn: () => undoImport(id),
    onSuccess: (r) => {
      onUndone(r);
      void client.invalidateQueries({ queryKey: importKeys.all });
      void client.invalidateQueries({ queryKey: importedDataKey(target) });
    },
  });
  return (
    <>
      <Popconfirm
        title={t('imports.result.undoConfirm')}
        description={t('imports.result.undoHint')}
        okText={t('imports.result.undo')}
        okButtonProps={{ danger: true, 'data-testid': 'import-undo-confirm' } as ButtonProps}
        cancelText={t('common.cancel')}
        onConfirm={() => undo.mutateAsync().catch(() => undefined)}
      >
        <Button danger icon={<UndoOutlined />} loading={undo.isPending} data-testid="import-undo">
          {t('imports.result.undo')}
        </Button>
      </Popconfirm>
      {undo.isError && (
        <div className="antq-import-block">
          <ApiErrorAlert error={undo.error} />
        </div>
      )}
    </>
  );
}

/** The records an undo kept, with the reason of each. */
export function KeptList({ kept }: { kept: KeptRecord[] }) {
  const { t } = useTranslation();
  if (!kept.length) return null;
  return (
    <div className="antq-import-gap" data-testid="import-kept">
      <Text strong>{t('imports.result.kept', { n: formatNumber(kept.length) })}</Text>
      <ul className="antq-import-rules">
        {kept.map((k) => (
          <li key={k.id}>{t('imports.result.keptItem', { id: k.id, reason: k.reason })}</li>
        ))}
      </ul>
    </div>
  );
}
