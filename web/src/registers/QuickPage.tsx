/** The frame of a quick form (QuickActivity.tsx, QuickPatrol.tsx): its title, a line on what it is for, the form in a card. */
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import Card from '../components/Card';

export function QuickPage({ testId, title, intro, children }: { testId: string; title: string; intro: string; children: ReactNode }) {
  return (
    <div data-testid={testId}>
      <Typography.Title level={1} className="antq-page-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <Card size="small" className="antq-reg-quick__card">
        {children}
      </Card>
    </div>
  );
}
