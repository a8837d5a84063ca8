/** What the quick forms (QuickActivity.tsx) show after a save, or after a record went to the outbox. */
import { CloudUploadOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import Card from '../components/Card';
import { OUTBOX_PATH } from '../offline/paths';
import type { OutboxItem } from '../offline/outbox';
import type { RegisterRecord } from './api';
import { registerPath, type RegisterConfig } from './config';

/** What a quick form saved: the record and how many photos went with it. */
export interface Saved {
  record: RegisterRecord;
  photos: number;
}

/** What a quick form could not send yet (no network): it waits in the outbox, "Chờ gửi". */
export interface Queued {
  queued: OutboxItem;
  photos: number;
}

/** After a quick save: what was saved, "enter another" and a link to the record in its register. */
export function QuickDone({
  testId,
  title,
  summary,
  againLabel,
  onAgain,
  register,
  saved,
}: {
  testId: string;
  title: string;
  summary: ReactNode;
  againLabel: string;
  onAgain: () => void;
  register: RegisterConfig;
  saved: Saved;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Card>
        <Result
          status="success"
          title={<h1 className="antq-result-title">{title}</h1>}
          subTitle={
            <span data-testid="quick-saved-title">
              {summary}
              {saved.photos > 0 && ` · ${t('registers.photos.count', { n: saved.photos })}`}
            </span>
          }
          extra={[
            <Button key="again" type="primary" size="large" onClick={onAgain} data-testid="quick-again">
              {againLabel}
            </Button>,
            <Link key="list" to={`${registerPath(register)}?record=${saved.record.id}`}>
              <Button size="large" data-testid="quick-view">
                {t('registers.quick.view')}
              </Button>
            </Link>,
          ]}
        />
      </Card>
    </div>
  );
}

/** After a quick form went to the outbox: "Chờ gửi" (never "Đã lưu"), what waits, and the outbox. */
export function QuickQueued({
  testId,
  queued,
  againLabel,
  onAgain,
}: {
  testId: string;
  queued: Queued;
  againLabel: string;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Card>
        <Result
          status="warning"
          icon={<CloudUploadOutlined />}
          title={<h1 className="antq-result-title">{t('offline.queuedTitle')}</h1>}
          subTitle={
            <>
              <span data-testid="quick-queued-label">
                {queued.queued.label}
                {queued.photos > 0 && ` · ${t('registers.photos.count', { n: queued.photos })}`}
              </span>
              <br />
              {t('offline.queuedText')}
            </>
          }
          extra={[
            <Button key="again" type="primary" size="large" onClick={onAgain} data-testid="quick-again">
              {againLabel}
            </Button>,
            <Link key="outbox" to={OUTBOX_PATH}>
              <Button size="large" data-testid="quick-outbox">
                {t('offline.openOutbox')}
              </Button>
            </Link>,
          ]}
        />
      </Card>
    </div>
  );
}

/** A quick form's page: its title, a line of introduction, the form in a card. */
