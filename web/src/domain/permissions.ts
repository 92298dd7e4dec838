// What a signed-in account may see and do, decided from the permissions GET /api/auth/me
// lists and the role order. Plain functions: the header, the pages and the buttons ask here.
import { roles, type Permission, type Role } from '@/api/auth-types';

export function roleRank(role: Role): number {
  return roles.indexOf(role);
}

/** Roles an account of `own` may give (no higher than her own). */
export function assignableRoles(own: Role): Role[] {
  return roles.filter((r) => roleRank(r) >= roleRank(own));
}

/** Whether `own` may edit an account holding `target` (not one ranked above her). */
export function mayManage(own: Role, target: Role): boolean {
  return roleRank(target) >= roleRank(own);
}

export interface NavItem {
  route: 'people' | 'compliance' | 'accounts' | 'audit' | 'rule-sets' | 'person-new' | 'import' | 'archives-outstanding-women' | 'forms' | 'campaigns' | 'nominations' | 'certificates';
  labelKey: string;
  permission: Permission;
  /** Pages under these paths also mark the entry as the current one (an entry with several pages). */
  section?: string | readonly string[];
}

export const navItems: readonly NavItem[] = [
  { route: 'people', labelKey: 'nav.people', permission: 'read' },
  { route: 'person-new', labelKey: 'person.newTitle', permission: 'write' },
  { route: 'import', labelKey: 'imports.nav', permission: 'write' },
  { route: 'compliance', labelKey: 'nav.compliance', permission: 'read' },
  { route: 'forms', labelKey: 'forms.nav', permission: 'read', section: '/forms/' },
  { route: 'campaigns', labelKey: 'campaign.nav', permission: 'read', section: ['/campaigns/', '/milestones/', '/spot-checks/'] },
  { route: 'nominations', labelKey: 'nomination.nav', permission: 'read', section: ['/nominations/', '/notices', '/meetings', '/filings/'] },
  { route: 'certificates', labelKey: 'certificates.nav', permission: 'read' },
  { route: 'rule-sets', labelKey: 'nav.ruleSets', permission: 'read' },
  { route: 'archives-outstanding-women', labelKey: 'archives.nav', permission: 'read', section: '/archives/' },
  { route: 'accounts', labelKey: 'nav.accounts', permission: 'manage_accounts' },
  { route: 'audit', labelKey: 'nav.audit', permission: 'view_audit' },
];

/** Whether the entry stands for the page at `path` (its own route, or a page of its section). */
export function navCurrent(item: NavItem, path: string): boolean {
  const sections = item.section === undefined ? [] : typeof item.section === 'string' ? [item.section] : item.section;
  return sections.some((s) => path.startsWith(s));
}

export function visibleNav(permissions: readonly Permission[]): NavItem[] {
  return navItems.filter((item) => permissions.includes(item.permission));
}

/** The actions of the organisation and person pages, as the permissions allow them. */
export interface Abilities {
  write: boolean;
  reveal: boolean;
  /** Administrators may push an appointment past a staffing rule, with a reason. */
  override: boolean;
  manageAccounts: boolean;
  viewAudit: boolean;
  /** Saving and scheduling staffing rule sets: the server asks for the dictionaries permission. */
  editRules: boolean;
  /** Moving or closing her own organisation (the root of her subtree): only the system administrator. */
  restructureOwn: boolean;
}

export function abilities(permissions: readonly Permission[]): Abilities {
  const has = (p: Permission) => permissions.includes(p);
  return {
    write: has('write'),
    reveal: has('reveal'),
    override: has('manage_accounts'),
    manageAccounts: has('manage_accounts'),
    viewAudit: has('view_audit'),
    editRules: has('manage_dictionaries'),
    restructureOwn: has('manage_dictionaries'),
  };
}
