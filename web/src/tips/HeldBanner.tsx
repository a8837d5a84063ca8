import { FilterOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

/**
 * Tips that arrived during a flood wait to be screened: how many, and buttons to show only them,
 * all but them, or everything (`held` in the address: 'true', 'false' or '').
 */
export default function HeldBanner({
  heldCount,
  held,
  setFilters,
}: {
  heldCount: number;
  held: string;
  setFilters: (f: { held: string }) => void;
}) {
  const { t } = useTranslation();
  if (!(heldCount > 0 || held)) return null;
  return (
    <Alert
      className="antq-block-sm"
      type="warning"
      showIcon
      data-testid="held-banner"
      message={
        heldCount > 0
          ? t('tips.held.banner', { n: formatNumber(heldCount) })
          : t(held === 'true' ? 'tips.held.showingOnly' : 'tips.held.showingWithout')
      }
      description={
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {heldCount > 0 && <span>{t('tips.held.bannerHint')}</span>}
          <Space wrap>
            {held !== 'true' && heldCount > 0 && (
              <Button icon={<FilterOutlined />} onClick={() => setFilters({ held: 'true' })} data-testid="held-only">
                {t('tips.held.only')}
              </Button>
            )}
            {held !== 'false' && heldCount > 0 && (
              <Button onClick={() => setFilters({ held: 'false' })} data-testid="held-hide">
                {t('tips.held.hide')}
              </Button>
            )}
            {held && (
              <Button onClick={() => setFilters({ held: '' })} data-testid="held-all">
                {t('tips.held.all')}
              </Button>
            )}
          </Space>
        </Space>
      }
    />
  );
}
