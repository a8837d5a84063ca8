// The staff workspace (and the home page): Ant Design, TanStack Query, router, i18next.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// the ES module builds: `antd/locale/*` are CommonJS re-exports whose default import the
// bundler resolves to the module object (in Node's interop), which leaves Ant Design in English
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api';
import App from './App';
import './i18n';
import { AuthProvider } from './accounts/auth';
import { FeedbackProvider } from './components/feedback';
import './styles.css';
import { theme } from './theme';
import { registerServiceWorker } from './offline/serviceWorker';

// Whoever asked their system for less motion (an accessibility setting) gets none: drawers,
// dialogs and lists appear at once. The browser tests ask for it too, so a click is never aimed at
// a dialog or a list still sliding in.
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const appTheme = reduceMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;

// networkMode 'always': TanStack Query would otherwise pause every request while the browser says
// it is offline. Without a network the service worker answers reads from what it kept, and a new
// record goes to the outbox (src/offline): both need the request to be made.
const queryClient = new QueryClient({
  defaultOptions: {
    mutations: { networkMode: 'always' },
    queries: {
      networkMode: 'always',
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // a 4xx answer will not change on retry
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

function Root() {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  // month and day names of the date pickers
  dayjs.locale(english ? 'en' : 'vi');
  return (
    <ConfigProvider locale={english ? enUS : viVN} theme={appTheme}>
      {/* the page's font and text colour (Ant Design's <App> set them; feedback.tsx tells why it is not used) */}
      <div className="antq-app" style={{ fontFamily: appTheme.token?.fontFamily }}>
        <FeedbackProvider>
          <App />
        </FeedbackProvider>
      </div>
    </ConfigProvider>
  );
}

// the app shell and an officer's data for use without a network (issue 17)
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <BrowserRouter>
          <Root />
        </BrowserRouter>
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
