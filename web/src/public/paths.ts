/** The addresses served by the small public app (no Ant Design, no staff code). */
export const PUBLIC_PATHS = {
  submit: '/gui-tin-bao',
  track: '/tra-cuu-tin-bao',
} as const;

export type PublicPage = keyof typeof PUBLIC_PATHS;

/** The public page of an address ("/gui-tin-bao", "/gui-tin-bao/", "/tra-cuu-tin-bao"), or null. */
export function publicPage(pathname: string): PublicPage | null {
  const p = pathname.replace(/\/+$/, '') || '/';
  if (p === PUBLIC_PATHS.submit) return 'submit';
  if (p === PUBLIC_PATHS.track) return 'track';
  return null;
}
