import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import type { Permission } from './api/auth-types';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown without a session (the sign-in page). */
    public?: boolean;
    /** Needed to open the page; without it the page does not exist for her. */
    permission?: Permission;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/login/LoginPage.vue'), meta: { public: true } },
    {
      // the page a certificate's QR code opens: anyone holding the code, no sign-in
      path: '/verify/:code?',
      name: 'verify',
      component: () => import('./views/certificates/VerifyPage.vue'),
      props: (route) => ({ code: typeof route.params.code === 'string' ? route.params.code : '' }),
      meta: { public: true },
    },
    {
      // her self-nomination's progress by its receipt code: no sign-in (before /apply/:slug)
      path: '/apply/status/:code?',
      name: 'apply-status',
      component: () => import('./views/notices/ApplyStatusPage.vue'),
      props: (route) => ({ code: typeof route.params.code === 'string' ? route.params.code : '' }),
      meta: { public: true },
    },
    {
      // a published recruitment notice and the self-nomination form (the poster's QR code): no sign-in
      path: '/apply/:slug',
      name: 'apply',
      component: () => import('./views/notices/ApplyPage.vue'),
      props: (route) => ({ slug: String(route.params.slug) }),
      meta: { public: true },
    },
    { path: '/', name: 'home', component: () => import('./views/HomePage.vue') },
    {
      path: '/organisations/:id(\\d+)',
      name: 'organisation',
      component: () => import('./views/organisation/OrganisationPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/people', name: 'people', component: () => import('./views/people/PeoplePage.vue') },
    { path: '/people/new', name: 'person-new', component: () => import('./views/person/PersonNewPage.vue'), meta: { permission: 'write' } },
    {
      path: '/people/:id(\\d+)',
      name: 'person',
      component: () => import('./views/person/PersonPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/accounts', name: 'accounts', component: () => import('./views/accounts/AccountsPage.vue'), meta: { permission: 'manage_accounts' } },
    { path: '/audit', name: 'audit', component: () => import('./views/audit/AuditPage.vue'), meta: { permission: 'view_audit' } },
    { path: '/compliance', name: 'compliance', component: () => import('./views/compliance/CompliancePage.vue') },
    { path: '/forms', name: 'forms', component: () => import('./views/forms/FormsPage.vue') },
    {
      path: '/forms/:n([1-5])',
      name: 'form',
      component: () => import('./views/forms/FormPage.vue'),
      props: (route) => ({ n: Number(route.params.n) }),
    },
    { path: '/import', name: 'import', component: () => import('./views/imports/ImportPage.vue'), meta: { permission: 'write' } },
    { path: '/archives', redirect: { name: 'archives-outstanding-women' } },
    { path: '/archives/outstanding-women', name: 'archives-outstanding-women', component: () => import('./views/archives/OutstandingWomenPage.vue') },
    { path: '/archives/social-organisations', name: 'archives-social-organisations', component: () => import('./views/archives/SocialOrganisationsPage.vue') },
    { path: '/notices', name: 'notices', component: () => import('./views/notices/NoticesPage.vue') },
    {
      path: '/notices/:id(\\d+)',
      name: 'notice',
      component: () => import('./views/notices/NoticePage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/meetings', name: 'meetings', component: () => import('./views/meetings/MeetingsPage.vue') },
    { path: '/filings/unfiled', name: 'filings-unfiled', component: () => import('./views/meetings/UnfiledPage.vue') },
    { path: '/meetings/new', name: 'meeting-new', component: () => import('./views/meetings/MeetingRecordPage.vue'), meta: { permission: 'write' } },
    {
      path: '/meetings/:id(\\d+)',
      name: 'meeting',
      component: () => import('./views/meetings/MeetingPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/nominations', name: 'nominations', component: () => import('./views/nominations/NominationsPage.vue') },
    {
      path: '/nominations/:id(\\d+)',
      name: 'nomination',
      component: () => import('./views/nominations/NominationPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/rule-sets', name: 'rule-sets', component: () => import('./views/rule-sets/RuleSetsPage.vue') },
    { path: '/certificates', name: 'certificates', component: () => import('./views/certificates/CertificatesPage.vue') },
    { path: '/campaigns', name: 'campaigns', component: () => import('./views/campaign/CampaignsPage.vue') },
    {
      path: '/campaigns/:id(\\d+)',
      name: 'campaign',
      component: () => import('./views/campaign/CampaignPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    {
      path: '/milestones/:id(\\d+)',
      name: 'milestone-dashboard',
      component: () => import('./views/campaign/DashboardPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    {
      path: '/milestones/:id(\\d+)/bodies/:orgId(\\d+)',
      name: 'milestone-submission',
      component: () => import('./views/campaign/SubmissionPage.vue'),
      props: (route) => ({ id: Number(route.params.id), orgId: Number(route.params.orgId) }),
    },
    {
      path: '/spot-checks/:id(\\d+)',
      name: 'spot-check',
      component: () => import('./views/campaign/SpotCheckPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundPage.vue') },
  ],
});

/** Where the sign-in page sends her back to: only a path of this app. */
export function returnTarget(route: RouteLocationNormalized): string {
  const wanted = route.query.redirect;
  return typeof wanted === 'string' && wanted.startsWith('/') && !wanted.startsWith('//') ? wanted : '/';
}

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const session = useSessionStore();
  if (!(await session.ensure())) return { name: 'login', query: { redirect: to.fullPath } };
  if (to.meta.permission && !session.permissions.includes(to.meta.permission)) {
    return { name: 'not-found', params: { rest: to.path.slice(1).split('/') } };
  }
  return true;
});

/** The session ended under her (401): to the sign-in page, keeping the page she was on. */
let signingIn = false;

export function toSignIn(): void {
  useSessionStore().clear();
  const current = router.currentRoute.value;
  // several requests may fail at once: go to the sign-in page once
  if (current.name === 'login' || signingIn) return;
  signingIn = true;
  void router.push({ name: 'login', query: { redirect: current.fullPath } }).finally(() => {
    signingIn = false;
  });
}
