/** The addresses served by the small public app (no Ant Design, no staff code). */
export const PUBLIC_PATHS = {
  home: '/',
  submit: '/gui-tin-bao',
  track: '/tra-cuu-tin-bao',
  opinion: '/gop-y',
  unsubscribe: '/huy-nhan-tin',
} as const;

export type PublicPage = keyof typeof PUBLIC_PATHS;

/** The staff workspace (the staff app's own home page), where "Cán bộ đăng nhập" leads. */
export const STAFF_HOME = '/lam-viec';

/** The public page of an address ("/", "/gui-tin-bao", "/gui-tin-bao/", "/gop-y" …), or null. */
export function publicPage(pathname: string): PublicPage | null {
  const p = pathname.replace(/\/+$/, '') || '/';
  for (const [page, path] of Object.entries(PUBLIC_PATHS) as [PublicPage, string][]) if (p === path) return page;
  return null;
}
