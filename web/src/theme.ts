import type { ThemeConfig } from 'antd';

/** Brand colours: the deep red of the police and Front insignia, with a gold accent. */
export const BRAND_RED = '#a8071a';
export const BRAND_RED_DARK = '#820014';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: BRAND_RED,
    borderRadius: 6,
    // WCAG AA (4.5:1) for secondary text: Ant Design's defaults (45 % black: 3.4:1 on white, 3.3:1 on
    // the grey page; 25 % black for placeholders: 1.8:1) are too pale. 62 % black is 5.7:1 on white
    // and 5.2:1 on #f5f5f5; placeholders at 55 % (4.7:1) still read as lighter than a value.
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // the error red of messages under fields, danger buttons and danger text: #ff4d4f is 3.2:1 on
    // white; red-7 is 5.6:1 (and 4.9:1 on its own pale background)
    colorError: '#cf1322',
    colorErrorText: '#cf1322',
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
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
    // tags write in the 7th shade of their colour on its 1st: green, gold, orange, cyan, lime and
    // volcano then stay under 4.5:1 (gold 2.8:1), and so do the status tags (success, warning,
    // processing, error); the 8th shades (and blue-7 for "processing") pass AA
    Tag: {
      green7: '#237804',
      gold7: '#874d00',
      orange7: '#ad4e00',
      cyan7: '#006d75',
      lime7: '#3f6600',
      volcano7: '#ad2102',
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorInfo: '#0958d9',
      colorError: '#cf1322',
    },
    // the figure beside a finished bar is written in the success green: green-8 for 4.5:1
    Progress: {
      colorSuccess: '#237804',
    },
  },
};
