import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatTrackingCode } from '../lib/tips';
import type { CreatedTip } from './api';

const { Text, Paragraph } = Typography;

/**
 * A tip taken down with a reporter who may follow it: the tracking code and the secret, shown once
 * (the officer hands them over), then on to the tip.
 */
export default function CreatedTipModal({ created, onClose }: { created: CreatedTip | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Modal
      open={!!created}
      title={t('tips.intake.secretTitle')}
      onCancel={onClose}
      maskClosable={false}
      data-testid="tip-created"
      footer={
        <Button
          type="primary"
          onClick={() => {
            const id = created?.id;
            onClose();
            if (id !== undefined) void navigate(`/tin-bao/${encodeURIComponent(String(id))}`);
          }}
        >
          {t('tips.intake.open')}
        </Button>
      }
    >
      {created && (
        <>
          <Paragraph>{t('tips.intake.secretText')}</Paragraph>
          <div className="antq-secret-box">
            <Text type="secondary">{t('tips.intake.code')}</Text>
            <Text strong copyable className="antq-secret-box__value">
              {formatTrackingCode(created.tracking_code)}
            </Text>
            <Text type="secondary">{t('tips.intake.secret')}</Text>
            <Text strong copyable className="antq-secret-box__value">
              {created.secret}
            </Text>
          </div>
        </>
      )}
    </Modal>
  );
}
