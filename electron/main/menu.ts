import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuContext, type MenuItemSpec } from '../services/policy/index.ts';
import type { MenuCommandEvent } from '../../common/ipc/contract.ts';

function toElectron(spec: MenuItemSpec, window: () => BrowserWindow | undefined): MenuItemConstructorOptions {
  if ('type' in spec) return { type: 'separator' };
  if ('submenu' in spec) {
    return {
      label: spec.label,
      ...(spec.role ? { role: spec.role as MenuItemConstructorOptions['role'] } : {}),
      submenu: spec.submenu.map((s) => toElectron(s, window)),
    };
  }
  if ('command' in spec) {
    const event: MenuCommandEvent = { command: spec.command, ...(spec.path ? { path: spec.path } : {}) };
    return {
      label: spec.label,
      ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
      enabled: spec.enabled ?? true,
      // The renderer runs the command, so it goes through the same prompts and messages as its own buttons.
      click: () => window()?.webContents.send('menu:command', event),
    };
  }
  return { role: spec.role as MenuItemConstructorOptions['role'], ...(spec.label ? { label: spec.label } : {}) };
}

export function installMenu(context: MenuContext, window: () => BrowserWindow | undefined): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(context).map((spec) => toElectron(spec, window))));
}
