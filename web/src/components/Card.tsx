/**
 * A titled panel, as Ant Design's Card draws one (title, extra, small size), without it: antd's
 * Card brings its Tabs (for `tabList`, which ANTQ never uses), about 14 kB gzip in the first load
 * of every page that shows a card. Styles in card.css.
 */
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import './card.css';

interface Props extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title?: ReactNode;
  extra?: ReactNode;
  size?: 'small' | 'default';
  className?: string;
  style?: CSSProperties;
  children?: ReactNode;
  'data-testid'?: string;
}

export default function Card({ title, extra, size = 'default', className, children, ...rest }: Props) {
  const classes = ['antq-card', size === 'small' ? 'antq-card--small' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={classes} {...rest}>
      {(title || extra) && (
        <div className="antq-card__head">
          <div className="antq-card__title">{title}</div>
          {extra && <div className="antq-card__extra">{extra}</div>}
        </div>
      )}
      <div className="antq-card__body">{children}</div>
    </div>
  );
}
