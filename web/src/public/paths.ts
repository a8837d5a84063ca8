/** The addresses served by the small public app (no Ant Design, no staff code). */
export const PUBLIC_PATHS = {
  home: '/',
  submit: '/gui-tin-bao',
  track: '/tra-cuu-tin-bao',
  opinion: '/gop-y',
  unsubscribe: '/huy-nhan-tin',
  news: '/tin-tuc',
  subscriptionConfirm: '/dang-ky-tin/xac-nhan',
  subscriptionCancel: '/dang-ky-tin/huy',
} as const;

/** A public page: one of PUBLIC_PATHS, or one post of the news (`/tin-tuc/{id}`). */
export type PublicPage = keyof typeof PUBLIC_PATHS | 'newsPost';

/** The staff workspace (the staff app's own home page), where "Cán bộ đăng nhập" leads. */
export const STAFF_HOME = '/lam-viec';

/** `/tin-tuc/{id}`: one post as a resident reads it. */
export const newsPostPath = (id: string | number) => `${PUBLIC_PATHS.news}/${encodeURIComponent(String(id))}`;

/** The post id of `/tin-tuc/{id}` (one path segment, not empty), or null. */
export function newsPostId(pathname: string): string | null {
  const m = /^\/tin-tuc\/([^/]+)\/?$/.exec(pathname);
  if (!m) return null;
  try {
    const id = decodeURIComponent(m[1]!).trim();
    return id ? id : null;
  } catch {
    return null;
  }
}

/** The public page of an address ("/", "/gui-tin-bao", "/gui-tin-bao/", "/tin-tuc/12" …), or null. */
export function publicPage(pathname: string): PublicPage | null {
  const p = pathname.replace(/\/+$/, '') || '/';
  for (const [page, path] of Object.entries(PUBLIC_PATHS) as [keyof typeof PUBLIC_PATHS, string][]) if (p === path) return page;
  if (newsPostId(pathname)) return 'newsPost';
  return null;
}
