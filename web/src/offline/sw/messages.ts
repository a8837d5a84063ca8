/**
 * The few texts api/client.ts shows, for the service worker's bundle (vite.sw.config.ts puts this
 * in place of ../i18n there): the worker has no i18next, and its errors are saved with the outbox
 * item for the officer to read, in Vietnamese like the app's.
 */
import { error } from '../../i18n/vi.json';

const texts: Record<string, string> = { 'error.network': error.network, 'error.http': error.http, 'error.badResponse': error.badResponse };

export default {
  t(key: string, values?: Record<string, unknown>): string {
    const text = texts[key] ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name] ?? ''));
  },
};
