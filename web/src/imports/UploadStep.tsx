/** Step 2: the file (dropped or chosen; too big or not a sheet: refused before it is sent), the XLSX sheet, the check. */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { formatNumber } from '../lib/format';
import { formatOfFile } from './logic';
import type { ImportFlow } from './useImportFlow';
import Card from '../components/Card';

const { Text } = Typography;

export default function UploadStep({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  const { file, problem, check } = flow;
  const xlsx = file ? formatOfFile(file.name) === 'xlsx' : false;
  return (
    <Card size="small" title={t('imports.upload.title')} className="antq-import-card" data-testid="import-upload">
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        beforeUpload={(f) => {
          flow.pick(f);
          return false; // sent by the dry run, not by the Upload itself
        }}
        data-testid="import-dragger"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.upload.drop')}</p>
        <p className="ant-upload-hint">{t('imports.upload.hint')}</p>
      </Upload.Dragger>

      {problem && (
        <Alert
          className="antq-import-gap"
          type="error"
          showIcon
          role="alert"
          message={t(`imports.upload.${problem}`)}
          data-testid="file-problem"
        />
      )}

      {file && (
        <div className="antq-import-gap">
          <Text strong data-testid="import-file">
            {t('imports.upload.chosen', { name: file.name, size: formatNumber(Math.max(1, Math.round(file.size / 1024)), 0) })}
          </Text>
        </div>
      )}

      {xlsx && (
        <Form layout="vertical" className="antq-import-gap" onFinish={flow.applySheet}>
          <Form.Item label={t('imports.upload.sheet')} extra={t('imports.upload.sheetHint')} htmlFor="import-sheet">
            <Space.Compact className="antq-import-sheet">
              <Input id="import-sheet" value={flow.sheet} onChange={(e) => flow.setSheet(e.target.value)} maxLength={100} allowClear />
              <Button htmlType="submit" disabled={check.isPending}>
                {t('imports.upload.recheck')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      )}

      {check.isPending && (
        <div className="antq-import-gap" data-testid="import-checking">
          <Spin size="small" /> <Text type="secondary">{t('imports.upload.checking')}</Text>
        </div>
      )}
      {check.isError && (
        <div className="antq-import-gap">
          <ApiErrorAlert error={check.error} />
        </div>
      )}
    </Card>
  );
}
