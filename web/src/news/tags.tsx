/** Tags of a post (kind, status, priority) and the gate of the news pages (news.write or news.approve). */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import BackHomeResult from '../accounts/BackHomeResult';
import RequireAuth from '../accounts/RequireAuth';
import { hasPermission, useAuth } from '../accounts/auth';
import type { NewsPost } from './api';
import { NEWS_APPROVE, NEWS_WRITE } from './paths';
import './news.css';

const KIND_COLOR: Record<string, string> = { warning: 'orange', notice: 'blue', news: 'default' };
const STATUS_COLOR: Record<string, string> = { draft: 'default', pending: 'gold', published: 'green', withdrawn: 'red' };

export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOR[kind] ?? 'default'}>{t(`news.kind.${kind}`, { defaultValue: kind })}</Tag>;
}

export function StatusTag({ post }: { post: Pick<NewsPost, 'status' | 'scheduled'> }) {
  const { t } = useTranslation();
  if (post.status === 'published' && post.scheduled) return <Tag color="cyan">{t('news.status.scheduled')}</Tag>;
  return (
    <Tag color={STATUS_COLOR[post.status] ?? 'default'} data-testid="news-status">
      {t(`news.status.${post.status}`, { defaultValue: post.status })}
    </Tag>
  );
}

/** "Khẩn" (red) or "Quan trọng" for a warning; nothing for an ordinary one. */
export function PriorityTag({ post }: { post: Pick<NewsPost, 'kind' | 'priority'> }) {
  const { t } = useTranslation();
  if (post.kind !== 'warning' || !post.priority || post.priority > 2) return null;
  return <Tag color={post.priority === 1 ? 'red' : 'volcano'}>{t(`news.priority.${post.priority}`)}</Tag>;
}

/** What the user may do with news. */
export function useNewsRights() {
  const { user } = useAuth();
  return { write: hasPermission(user, NEWS_WRITE), approve: hasPermission(user, NEWS_APPROVE) };
}

/** A logged-in user with news.write or news.approve (the server checks again). */
export function NewsGate({ children, write }: { children: ReactNode; write?: boolean }) {
  return (
    <RequireAuth>
      <Rights write={write}>{children}</Rights>
    </RequireAuth>
  );
}

function Rights({ children, write }: { children: ReactNode; write?: boolean }) {
  const { t } = useTranslation();
  const rights = useNewsRights();
  if (write ? !rights.write : !rights.write && !rights.approve) {
    return <BackHomeResult status="403" title={t('auth.forbidden.title')} desc={t('auth.forbidden.desc')} testId="forbidden" />;
  }
  return <>{children}</>;
}
