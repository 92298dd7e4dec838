import { createRouter, createWebHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: () => import('./views/HomePage.vue') },
    {
      path: '/organisations/:id(\\d+)',
      name: 'organisation',
      component: () => import('./views/organisation/OrganisationPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/people/new', name: 'person-new', component: () => import('./views/person/PersonNewPage.vue') },
    {
      path: '/people/:id(\\d+)',
      name: 'person',
      component: () => import('./views/person/PersonPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundPage.vue') },
  ],
});
