import type { ThemeConfig } from 'antd';

/** Brand colours: the deep red of the police and Front insignia, with a gold accent. */
export const BRAND_RED = '#a8071a';
export const BRAND_RED_DARK = '#820014';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: BRAND_RED,
    borderRadius: 6,
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Menu: {
      darkItemBg: 'transparent',
      darkPopupBg: BRAND_RED_DARK,
      darkItemSelectedBg: BRAND_RED_DARK,
      darkItemColor: 'rgba(255,255,255,0.88)',
      darkItemHoverColor: '#fff',
    },
    Layout: {
      bodyBg: '#f5f5f5',
      footerBg: '#fff',
    },
  },
};
