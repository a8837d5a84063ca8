import { ArrowLeftOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { getTip, tipKeys } from './api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { TipStatusTag, useTipCategories } from './TipBits';
import { PERMISSIONS, hasPermission, useAuth } from '../accounts/auth';
import { formatDateTime } from '../lib/format';
import { formatTrackingCode } from '../lib/tips';
import NotFound from '../shell/NotFound';
import { useBreakpoint } from '../components/useBreakpoint';
import Attachments from './detail/AttachmentsCard';
import Deadlines from './detail/DeadlinesCard';
import Duplicates from './detail/DuplicatesCard';
import Facts from './detail/FactsCard';
import Handle from './detail/HandleCard';
import HeldNotice from './detail/HeldNotice';
import History from './detail/HistoryCard';
import Messages from './detail/MessagesCard';
import Outcome from './detail/OutcomeCard';
import './tips.css';

const { Title, Paragraph } = Typography;

/** `/tin-bao/:id`: one tip, its handling, deadlines, outcome, messages and history. */
export default function TipDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { label: categoryLabel } = useTipCategories();
  const screens = useBreakpoint();
  const wide = screens.lg;
  const tip = useQuery({
    queryKey: tipKeys.detail(id),
    queryFn: ({ signal }) => getTip(id, signal),
    refetchInterval: 60_000,
  });

  const code = tip.data ? formatTrackingCode(tip.data.tracking_code) : '';
  useEffect(() => {
    document.title = t('app.documentTitle', { page: code ? t('tips.detail.title', { code }) : t('tips.pageTitle') });
  }, [t, code]);

  if (tip.isError && tip.error instanceof ApiError && tip.error.status === 404) return <NotFound />;

  const canWrite = hasPermission(user, PERMISSIONS.tipsWrite);
  const canReveal = hasPermission(user, PERMISSIONS.tipsReveal);
  const d = tip.data;

  return (
    <div className="antq-tip" data-testid="tip-detail">
      <Link to="/tin-bao" className="antq-back-link">
        <ArrowLeftOutlined /> {t('tips.back')}
      </Link>
      {tip.isPending && <Skeleton active />}
      {tip.isError && <ApiErrorAlert error={tip.error} onRetry={() => void tip.refetch()} />}
      {d && (
        <>
          <div className="antq-tip__head">
            <Title level={1} className="antq-page-title antq-tip__title">
              {t('tips.detail.title', { code })}
            </Title>
            <Space wrap>
              <TipStatusTag status={d.status} />
              {d.overdue && (
                <Tag color="red" icon={<WarningOutlined />}>
                  {t('tips.overdue')}
                </Tag>
              )}
              {d.held_for_review && <Tag color="volcano">{t('tips.held.tag')}</Tag>}
              {d.reporter.anonymous && <Tag>{t('tips.anonymous')}</Tag>}
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void tip.refetch()} loading={tip.isFetching}>
                {t('tips.detail.refresh')}
              </Button>
            </Space>
          </div>
          <Paragraph type="secondary">
            {categoryLabel(d.category)} · {d.unit.full_name ?? d.unit.name} · {formatDateTime(d.received_at)}
          </Paragraph>

          {d.held_for_review && <HeldNotice tip={d} canWrite={canWrite} />}

          <Row gutter={[16, 16]}>
            <Col xs={24} lg={15}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Facts tip={d} categoryLabel={categoryLabel} canReveal={canReveal} />
                <Messages tip={d} canWrite={canWrite} />
                <Attachments tip={d} />
                {wide && <History tip={d} />}
              </Space>
            </Col>
            <Col xs={24} lg={9}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                {canWrite && <Handle tip={d} />}
                <Deadlines tip={d} canWrite={canWrite} />
                <Outcome tip={d} canWrite={canWrite} />
                <Duplicates tip={d} canWrite={canWrite} />
              </Space>
            </Col>
            {/* last on a phone, under the handling forms */}
            {!wide && (
              <Col xs={24}>
                <History tip={d} />
              </Col>
            )}
          </Row>
        </>
      )}
    </div>
  );
}
