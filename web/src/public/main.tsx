// The public app: React and the citizen pages, nothing else (see ../main.tsx). Each page has an
// entry of its own (submit.tsx, track.tsx), so a page loads only its own code.
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n';
import PublicApp from './PublicApp';
import './public.css';

export function mount(page: ReactNode): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <PublicApp>{page}</PublicApp>
      </I18nProvider>
    </StrictMode>,
  );
}
