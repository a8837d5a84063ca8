import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Spin } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { fetchHtml } from '../api';

const A4_WIDTH_PX = 794; // 210 mm at 96 dpi
const A4_HEIGHT_PX = 1123; // 297 mm

/**
 * The A4 report in a frame: fetched from `url` (the server does not let its page be framed), or
 * the `html` of a draft the server rendered for the issue dialog.
 */
export function PreviewModal({
  url = null,
  html: given = null,
  onClose,
  testId = 'report-preview-frame',
}: {
  url?: string | null;
  html?: string | null;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const fetched = useQuery({
    queryKey: ['staff', 'reports', 'html', url],
    queryFn: ({ signal }) => fetchHtml(url!, signal),
    enabled: !!url,
    staleTime: 0,
    gcTime: 0,
  });
  const open = !!url || given !== null;
  const html = given ?? fetched.data;
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('reports.preview.title')}
      width={A4_WIDTH_PX + 100}
      className="antq-reports__preview-modal"
      destroyOnHidden
      footer={[
        ...(url
          ? [
              <Button key="tab" href={url} target="_blank" rel="noopener">
                {t('reports.preview.newTab')}
              </Button>,
            ]
          : []),
        <Button
          key="print"
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!html}
          onClick={() => frame.current?.contentWindow?.print()}
        >
          {t('reports.preview.print')}
        </Button>,
      ]}
    >
      {fetched.isError && !given ? (
        <ApiErrorAlert error={fetched.error} />
      ) : !html ? (
        <div className="antq-reports__placeholder" style={{ height: 300 }}>
          <Spin tip={t('reports.preview.loading')}>
            <span />
          </Spin>
        </div>
      ) : (
        <div className="antq-reports__paper-wrap">
          <iframe
            ref={frame}
            title={t('reports.preview.title')}
            srcDoc={html}
            sandbox="allow-same-origin allow-modals"
            className="antq-reports__paper"
            style={{ width: A4_WIDTH_PX, height: A4_HEIGHT_PX }}
            data-testid={testId}
          />
        </div>
      )}
    </Modal>
  );
}
