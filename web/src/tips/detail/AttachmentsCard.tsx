import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { tipAttachmentUrl, type TipDetail as Tip } from '../api';
import { formatDateTime } from '../../lib/format';
import { formatBytes } from '../../lib/tips';
import Card from '../../components/Card';

const { Text } = Typography;

export default function Attachments({ tip }: { tip: Tip }) {
  const { t } = useTranslation();
  return (
    <Card title={t('tips.attachments.title')} size="small" data-testid="tip-attachments">
      {tip.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tips.attachments.none')} />
      ) : (
        <ul className="antq-attachments">
          {tip.attachments.map((a) => {
            const url = tipAttachmentUrl(tip.id, a.id);
            return (
              <li key={String(a.id)} className="antq-attachment">
                {a.kind === 'image' ? (
                  <a href={url} target="_blank" rel="noreferrer">
                    <img src={url} alt={t('tips.attachments.image')} className="antq-attachment__thumb" loading="lazy" />
                  </a>
                ) : (
                  <span className="antq-attachment__thumb antq-attachment__thumb--video">{t('tips.attachments.video')}</span>
                )}
                <div className="antq-attachment__info">
                  <a href={url} target="_blank" rel="noreferrer">
                    {a.kind === 'video' ? t('tips.attachments.video') : t('tips.attachments.image')} · {t('tips.attachments.open')}
                  </a>
                  <Text type="secondary">
                    {a.media_type} · {formatBytes(a.size)} · {formatDateTime(a.at)}
                  </Text>
                  {a.location_removed && <Text type="secondary">{t('tips.attachments.locationRemoved')}</Text>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
