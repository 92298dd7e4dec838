import { describe, expect, it } from 'vitest';
import type { Permission } from '@/api/auth-types';
import { abilities, assignableRoles, mayManage, navCurrent, visibleNav } from './permissions';

const viewer: Permission[] = ['read'];
const operator: Permission[] = ['read', 'write', 'reveal'];
const federationAdmin: Permission[] = ['read', 'write', 'reveal', 'manage_accounts', 'view_audit'];

describe('permissions', () => {
  it('gives a viewer no edit, reveal or override button', () => {
    expect(abilities(viewer)).toEqual({ write: false, reveal: false, override: false, manageAccounts: false, viewAudit: false, editRules: false, restructureOwn: false });
  });

  it('lets an operator edit and reveal but not override, manage accounts or read the audit', () => {
    expect(abilities(operator)).toMatchObject({ write: true, reveal: true, override: false, manageAccounts: false, viewAudit: false });
  });

  it('shows each role only the menu items it can use', () => {
    const routes = (p: Permission[]) => visibleNav(p).map((n) => n.route);
    expect(routes(viewer)).toEqual(['people', 'compliance', 'forms', 'campaigns', 'nominations', 'certificates', 'rule-sets', 'archives-outstanding-women']);
    expect(routes(operator)).toEqual(['people', 'person-new', 'import', 'compliance', 'forms', 'campaigns', 'nominations', 'certificates', 'rule-sets', 'archives-outstanding-women']);
    expect(routes(federationAdmin)).toEqual(['people', 'person-new', 'import', 'compliance', 'forms', 'campaigns', 'nominations', 'certificates', 'rule-sets', 'archives-outstanding-women', 'accounts', 'audit']);
  });

  it('marks the archives entry current on both archive pages, and only there', () => {
    const archives = visibleNav(viewer).find((n) => n.route === 'archives-outstanding-women');
    expect(archives && navCurrent(archives, '/archives/social-organisations')).toBe(true);
    expect(archives && navCurrent(archives, '/people')).toBe(false);
    expect(visibleNav(viewer).filter((n) => navCurrent(n, '/archives/outstanding-women'))).toHaveLength(1);
  });

  it('marks the forms entry current on the list of forms and on each form', () => {
    const forms = visibleNav(viewer).find((n) => n.route === 'forms');
    expect(forms && navCurrent(forms, '/forms/4')).toBe(true);
    expect(forms && navCurrent(forms, '/compliance')).toBe(false);
  });

  it('marks the campaigns entry current on a campaign and on its dashboards, submissions and spot checks', () => {
    const campaigns = visibleNav(viewer).find((n) => n.route === 'campaigns');
    // a campaign's milestone dashboards, submissions and spot checks are pages of the campaigns entry
    for (const path of ['/campaigns/1', '/milestones/6', '/milestones/6/bodies/2', '/spot-checks/3']) expect(campaigns && navCurrent(campaigns, path)).toBe(true);
    expect(campaigns && navCurrent(campaigns, '/forms/4')).toBe(false);
  });

  it('leaves editing the staffing rules to the system administrator', () => {
    expect(abilities(federationAdmin).editRules).toBe(false);
    expect(abilities([...federationAdmin, 'manage_dictionaries']).editRules).toBe(true);
  });

  it('offers roles no higher than her own', () => {
    expect(assignableRoles('federation_admin')).toEqual(['federation_admin', 'operator', 'viewer']);
    expect(assignableRoles('system_admin')).toHaveLength(4);
    expect(assignableRoles('viewer')).toEqual(['viewer']);
  });

  it('lets her edit accounts at or below her role only', () => {
    expect(mayManage('federation_admin', 'operator')).toBe(true);
    expect(mayManage('federation_admin', 'federation_admin')).toBe(true);
    expect(mayManage('federation_admin', 'system_admin')).toBe(false);
  });
});
