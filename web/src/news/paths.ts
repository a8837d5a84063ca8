/**
 * Addresses and permissions of the staff's news pages. `/tin-tuc-canh-bao` (not the residents'
 * `/tin-tuc`, which the small public app serves: public/paths.ts).
 */
export const NEWS_PATH = '/tin-tuc-canh-bao';
export const NEWS_NEW_PATH = `${NEWS_PATH}/soan-tin`;
export const newsPath = (id: string | number) => `${NEWS_PATH}/${encodeURIComponent(String(id))}`;
export const newsEditPath = (id: string | number) => `${newsPath(id)}/sua`;

export const NEWS_WRITE = 'news.write';
export const NEWS_APPROVE = 'news.approve';
