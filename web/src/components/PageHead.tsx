import { Typography } from 'antd';
import type { ReactNode } from 'react';

const { Title, Paragraph } = Typography;

/** A list page's title row: the title and its introduction, the page's buttons on the right. */
export default function PageHead({ title, intro, children }: { title: ReactNode; intro: ReactNode; children?: ReactNode }) {
  return (
    <div className="antq-admin__head">
      <div>
        <Title level={1} className="antq-page-title">
          {title}
        </Title>
        <Paragraph type="secondary">{intro}</Paragraph>
      </div>
      {children}
    </div>
  );
}
