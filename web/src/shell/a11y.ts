/**
 * Ant Design's icons carry `role="img" aria-label="<icon name>"` (English: "close", "plus",
 * "search"…), which screen readers read out inside every button ("plus Thêm tài khoản"). The staff
 * app hides them from assistive technology; where an icon is all a button or link has, the control
 * gets a Vietnamese name (its title, or a name for the icon) instead.
 */
import i18n from '../i18n';

/** Names of controls that show nothing but an icon, by icon (i18n `a11y.icon.<name>`). */
const ICON_KEYS: Record<string, string> = {
  close: 'close',
  'close-circle': 'clear',
  search: 'search',
  left: 'previous',
  right: 'next',
  'double-left': 'previousMany',
  'double-right': 'nextMany',
  eye: 'hidePassword',
  'eye-invisible': 'showPassword',
  plus: 'add',
  minus: 'remove',
  delete: 'delete',
  edit: 'edit',
  reload: 'reload',
  copy: 'copy',
  check: 'done',
  menu: 'menu',
  bell: 'notifications',
  download: 'download',
  printer: 'print',
  'file-excel': 'excel',
  'swap-right': 'to',
  calendar: 'chooseDate',
  'clock-circle': 'chooseTime',
  down: 'open',
  up: 'close',
  ellipsis: 'more',
};

function accessibleText(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? '').trim() || (el.textContent ?? '').trim();
}

function fix(icon: Element) {
  const name = icon.getAttribute('aria-label');
  if (name === null) return;
  icon.removeAttribute('aria-label');
  icon.removeAttribute('role');
  icon.setAttribute('aria-hidden', 'true');
  // the control the icon is all of: give it a Vietnamese name
  const control = icon.closest('button, a, [role="button"], [role="link"], [role="menuitem"]');
  if (!control || accessibleText(control)) return;
  const titled = control.closest('[title]');
  const title = titled?.getAttribute('title')?.trim();
  const key = ICON_KEYS[name];
  const label = title || (key ? i18n.t(`a11y.icon.${key}`) : '');
  if (label) control.setAttribute('aria-label', label);
}

/** Starts watching the page; returns the function that stops. */
export function installIconLabels(root: Element = document.body): () => void {
  root.querySelectorAll('.anticon[aria-label]').forEach(fix);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        const el = r.target as Element;
        if (el.classList?.contains('anticon')) fix(el);
        continue;
      }
      r.addedNodes.forEach((n) => {
        if (!(n instanceof Element)) return;
        if (n.matches('.anticon[aria-label]')) fix(n);
        n.querySelectorAll('.anticon[aria-label]').forEach(fix);
      });
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
