/**
 * Grey bars where text will be, while it loads: Ant Design's Skeleton (paragraph, no title) as
 * plain elements. The Skeleton is ~3 KB gzip on first screens that must load little (the police
 * officer's to-do panel, the dashboard's figures: issue 17). Hidden from screen readers: the
 * region that loads says `aria-busy`. Styles in loadingLines.css.
 */
import './loadingLines.css';

export default function LoadingLines({ rows = 1 }: { rows?: number }) {
  return (
    <div className="antq-loading-lines" aria-hidden>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="antq-loading-lines__line" />
      ))}
    </div>
  );
}
