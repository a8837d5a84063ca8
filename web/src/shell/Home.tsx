import {
  AuditOutlined,
  BarChartOutlined,
  CommentOutlined,
  FileSearchOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Button, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import HealthStatus from './HealthStatus';
import { useAuth } from '../accounts/auth';
import { formatNumber } from '../lib/format';
import { unitSearch, useSelectedUnit } from '../components/useSelectedUnit';
import { usePageTitle } from '../components/usePageTitle';
import HomeQuick from '../registers/HomeQuick';
import './home.css';
import Card from '../components/Card';

const { Title, Paragraph, Text } = Typography;

/** Figures of the kind a ten-year review contains (from the product brief), as an illustration. */
const REVIEW_FIGURES = [
  { key: 'campaigns', value: 128 },
  { key: 'attendees', value: 16000 },
  { key: 'tips', value: 423 },
  { key: 'cases', value: 45 },
  { key: 'disputes', value: 79 },
] as const;

/**
 * The staff workspace (/lam-viec): an officer's quick start, what the platform does, the system's
 * state. The site's home page (/) is the citizens' page of the small public app (src/public).
 */
export default function Home() {
  const { t } = useTranslation();
  usePageTitle('home.pageTitle');
  const [unit] = useSelectedUnit();
  const { user } = useAuth();

  const does: { key: string; icon: ReactNode }[] = [
    { key: 'tips', icon: <SafetyCertificateOutlined /> },
    { key: 'record', icon: <AuditOutlined /> },
    { key: 'figures', icon: <BarChartOutlined /> },
  ];

  return (
    <div className="antq-home">
      {/* a logged-in officer: "Ghi hoạt động" in one tap, and the registers */}
      <HomeQuick />
      <section className="antq-hero" aria-labelledby="home-title">
        <Text className="antq-hero__kicker">{t('home.hero.kicker')}</Text>
        <Title level={1} id="home-title" className="antq-hero__title">
          {t('home.hero.title')}
        </Title>
        <Paragraph className="antq-hero__lead">{t('home.hero.lead')}</Paragraph>
        <Space wrap size="middle">
          <Link to={{ pathname: '/units', search: unitSearch(unit) }}>
            <Button type="primary" size="large">
              {t('home.hero.browseUnits')}
            </Button>
          </Link>
          {!user && (
            <Link to="/login">
              <Button size="large" ghost>
                {t('home.hero.login')}
              </Button>
            </Link>
          )}
        </Space>
      </section>

      <section className="antq-section" aria-labelledby="home-about">
        <Row gutter={[{ xs: 16, lg: 32 }, 16]}>
          <Col xs={24} lg={10}>
            <Title level={2} id="home-about">
              {t('home.about.title')}
            </Title>
            <Paragraph>{t('home.about.p1')}</Paragraph>
            <Paragraph>{t('home.about.p2')}</Paragraph>
          </Col>
          <Col xs={24} lg={14}>
            <Title level={2}>{t('home.does.title')}</Title>
            <Flex vertical gap={12}>
              {does.map((d) => (
                <Card key={d.key} size="small" className="antq-feature">
                  <Flex gap={14} align="flex-start">
                    <span className="antq-feature__icon" aria-hidden>
                      {d.icon}
                    </span>
                    <div>
                      <Title level={4} className="antq-feature__title">
                        {t(`home.does.${d.key}.title`)}
                      </Title>
                      <Text type="secondary">{t(`home.does.${d.key}.desc`)}</Text>
                    </div>
                  </Flex>
                </Card>
              ))}
            </Flex>
          </Col>
        </Row>
      </section>

      <ReviewFigures />

      <CitizenPages />

      <section className="antq-section antq-status" aria-labelledby="home-status">
        <Flex wrap gap={12} align="center">
          <Title level={5} id="home-status" className="antq-status__title">
            {t('home.status.title')}
          </Title>
          <HealthStatus />
        </Flex>
      </section>
    </div>
  );
}

/** A section of the home page: its heading (named `id`, which labels the section) and its lead. */
function HomeSection({ id, title, lead, children }: { id: string; title: string; lead: string; children: ReactNode }) {
  return (
    <section className="antq-section" aria-labelledby={id}>
      <Title level={2} id={id}>
        {title}
      </Title>
      <Paragraph type="secondary">{lead}</Paragraph>
      {children}
    </section>
  );
}

/** Why the platform: the figures of a yearly review, as an example. */
function ReviewFigures() {
  const { t } = useTranslation();
  return (
    <HomeSection id="home-why" title={t('home.why.title')} lead={t('home.why.desc')}>
      <Card size="small" title={<Tag>{t('home.why.example')}</Tag>} className="antq-figures">
        <Row gutter={[16, 16]}>
          {REVIEW_FIGURES.map((f) => (
            <Col key={f.key} xs={12} sm={8} lg={{ flex: '20%' }}>
              <Statistic title={t(`home.why.${f.key}`)} value={f.value} formatter={(v) => formatNumber(Number(v))} />
            </Col>
          ))}
        </Row>
      </Card>
    </HomeSection>
  );
}

/** The citizens' pages (a separate, lighter app), each with what it is for. */
function CitizenPages() {
  const { t } = useTranslation();
  const citizens: { key: string; icon: ReactNode; href: string }[] = [
    { key: 'submitTip', icon: <SendOutlined />, href: '/gui-tin-bao' },
    { key: 'trackTip', icon: <FileSearchOutlined />, href: '/tra-cuu-tin-bao' },
    { key: 'opinion', icon: <CommentOutlined />, href: '/gop-y' },
  ];
  return (
    <HomeSection id="home-upcoming" title={t('home.upcoming.title')} lead={t('home.upcoming.lead')}>
      <Row gutter={[16, 16]}>
        {citizens.map((u) => (
          <Col key={u.key} xs={24} md={8}>
            <Card className="antq-upcoming" data-testid={`upcoming-${u.key}`}>
              <Flex justify="space-between" align="center" className="antq-upcoming__head">
                <span className="antq-feature__icon" aria-hidden>
                  {u.icon}
                </span>
              </Flex>
              <Title level={4}>{t(`home.upcoming.${u.key}.title`)}</Title>
              <Paragraph type="secondary" className="antq-upcoming__desc">
                {t(`home.upcoming.${u.key}.desc`)}
              </Paragraph>
              {/* the citizen pages are a separate, lighter app: a full page load */}
              <Button type="primary" href={u.href} className="antq-block">
                {t(`home.upcoming.${u.key}.action`)}
              </Button>
            </Card>
          </Col>
        ))}
      </Row>
    </HomeSection>
  );
}
