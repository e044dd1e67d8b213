import type { BaseWindow, KeyboardEvent, Menu, MenuItem, MenuItemConstructorOptions } from 'electron';

// Menu.buildFromTemplate and the application menu. Items keep what the template said, and a
// test clicks them as the user would: Electron calls `click(menuItem, focusedWindow, event)`.

type Role = NonNullable<MenuItemConstructorOptions['role']>;

/** Every role Electron's typings know: adding, renaming or removing one there fails `tsc -b` here. */
const ROLES = {
  undo: true,
  redo: true,
  cut: true,
  copy: true,
  paste: true,
  pasteAndMatchStyle: true,
  delete: true,
  selectAll: true,
  reload: true,
  forceReload: true,
  toggleDevTools: true,
  resetZoom: true,
  zoomIn: true,
  zoomOut: true,
  toggleSpellChecker: true,
  togglefullscreen: true,
  window: true,
  minimize: true,
  close: true,
  help: true,
  about: true,
  services: true,
  hide: true,
  hideOthers: true,
  unhide: true,
  quit: true,
  showSubstitutions: true,
  toggleSmartQuotes: true,
  toggleSmartDashes: true,
  toggleTextReplacement: true,
  startSpeaking: true,
  stopSpeaking: true,
  zoom: true,
  front: true,
  appMenu: true,
  fileMenu: true,
  editMenu: true,
  viewMenu: true,
  shareMenu: true,
  recentDocuments: true,
  toggleTabBar: true,
  selectNextTab: true,
  selectPreviousTab: true,
  showAllTabs: true,
  mergeAllWindows: true,
  clearRecentDocuments: true,
  moveTabToNewWindow: true,
  windowMenu: true,
} satisfies Record<Role, true>;

export class StandInMenuItem {
  readonly label: string | undefined;
  readonly role: Role | undefined;
  readonly type: MenuItemConstructorOptions['type'];
  readonly accelerator: string | undefined;
  readonly enabled: boolean;
  readonly submenu: StandInMenu | undefined;
  readonly #click: MenuItemConstructorOptions['click'];

  constructor(options: MenuItemConstructorOptions) {
    // Electron would show an item with a misspelt role as a plain item that does nothing; the stand-in says so.
    if (options.role !== undefined && !Object.hasOwn(ROLES, options.role))
      throw new Error(`"${options.role}" is not a menu role of Electron`);
    this.label = options.label;
    this.role = options.role;
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.accelerator = options.accelerator as string | undefined;
    this.enabled = options.enabled ?? true;
    this.submenu = options.submenu ? StandInMenu.fromTemplate(options.submenu as MenuItemConstructorOptions[]) : undefined;
    this.#click = options.click;
  }

  /** The user picks the item while `window` has focus. */
  click(window: BaseWindow | undefined): void {
    if (!this.enabled) throw new Error(`${this.label ?? this.role} is disabled`);
    const event: KeyboardEvent = { triggeredByAccelerator: false };
    this.#click?.(this as unknown as MenuItem, window, event);
  }
}

export class StandInMenu {
  readonly items: StandInMenuItem[];

  private constructor(items: StandInMenuItem[]) {
    this.items = items;
  }

  static fromTemplate(template: readonly MenuItemConstructorOptions[]): StandInMenu {
    return new StandInMenu(template.map((options) => new StandInMenuItem(options)));
  }

  /** The item reached by following `labels` through submenus ("File", "Export", "PDF…"). */
  find(...labels: string[]): StandInMenuItem {
    const [first, ...rest] = labels;
    const item = this.items.find((i) => i.label === first);
    if (!item) throw new Error(`no menu item "${first}" among ${this.items.map((i) => i.label ?? i.role).join(', ')}`);
    if (rest.length === 0) return item;
    if (!item.submenu) throw new Error(`"${first}" has no submenu`);
    return item.submenu.find(...rest);
  }

  /** Every item, submenus included, depth first. */
  *all(): Generator<StandInMenuItem> {
    for (const item of this.items) {
      yield item;
      if (item.submenu) yield* item.submenu.all();
    }
  }
}

/** Electron's static Menu API over one application menu. */
export class StandInMenuModule implements Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu' | 'getApplicationMenu'> {
  applicationMenu: StandInMenu | null = null;
  /** How many times the shell installed a menu. */
  installs = 0;

  buildFromTemplate(template: (MenuItemConstructorOptions | MenuItem)[]): Menu {
    return StandInMenu.fromTemplate(template as MenuItemConstructorOptions[]) as unknown as Menu;
  }

  setApplicationMenu(menu: Menu | null): void {
    this.installs++;
    this.applicationMenu = menu as unknown as StandInMenu | null;
  }

  getApplicationMenu(): Menu | null {
    return this.applicationMenu as unknown as Menu | null;
  }
}
