import './countBadge.css';

/**
 * A count on the corner of a header icon (unread notifications, records waiting to be sent), the
 * icon and the count both in a `.antq-count-holder`; drawn as Ant Design's Badge was, without its
 * code in every page's first load. Nothing at 0. The count is for the eye: the icon's button or
 * link says it in its name.
 */
export default function CountBadge({ count, testId }: { count: number; testId?: string }) {
  if (count <= 0) return null;
  return (
    <span className="antq-count" aria-hidden="true" data-testid={testId}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
