/**
 * The main menu on a phone: a drawer from the right with the menu's entries, groups open. Loaded
 * when the menu button is first pressed (AppLayout.tsx): a wide screen shows the menu in the header
 * and never loads this.
 */
import { Drawer, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { REGISTERS_MENU_KEY, SECURITY_MENU_KEY } from '../registers/menu';

interface Props {
  open: boolean;
  onClose: () => void;
  selectedKey: string;
  items: MenuProps['items'];
}

export default function MenuDrawer({ open, onClose, selectedKey, items }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer title={t('nav.menuTitle')} placement="right" width={280} open={open} onClose={onClose} styles={{ body: { padding: 0 } }}>
      <Menu
        mode="inline"
        selectedKeys={[selectedKey]}
        defaultOpenKeys={[REGISTERS_MENU_KEY, SECURITY_MENU_KEY]}
        items={items}
        data-testid="drawer-menu"
      />
    </Drawer>
  );
}
