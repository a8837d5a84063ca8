import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { tipKeys, releaseTip, type TipDetail as Tip } from '../api';
import { errorMessage } from '../../components/ApiErrorAlert';
import { useFeedback } from '../../components/feedback';

/**
 * A tip that arrived during a flood of tips to its unit waits to be screened: "Đã sàng lọc" moves it
 * into the ordinary inbox (`POST …/release`, audited). Handling it does the same.
 */
export default function HeldNotice({ tip, canWrite }: { tip: Tip; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const release = useMutation({
    mutationFn: () => releaseTip(tip.id),
    onSuccess: async (updated) => {
      queryClient.setQueryData(tipKeys.detail(String(tip.id)), updated);
      await queryClient.invalidateQueries({ queryKey: ['staff', 'tips', 'list'] });
      void message.success(t('tips.held.released'));
    },
    onError: (e) => void message.error(errorMessage(e, '')),
  });
  return (
    <Alert
      className="antq-block-sm"
      type="warning"
      showIcon
      data-testid="tip-held"
      message={t('tips.held.tag')}
      description={
        // the button under the text: beside it, a phone would squeeze the text into a column
        <Space direction="vertical" size={8}>
          <span>{t('tips.held.detail')}</span>
          {canWrite && (
            <Button type="primary" onClick={() => release.mutate()} loading={release.isPending} data-testid="tip-release">
              {t('tips.held.release')}
            </Button>
          )}
        </Space>
      }
    />
  );
}
