import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import {
  ADMINISTRATOR_ROLES,
  COMPLAINT_READER_ROLES,
  DESK_REGISTRAR_ROLES,
  METRICS_READER_ROLES,
  ROLE_VALUES,
  type Role,
} from '@complaints/domain';
import { session } from './composables/useSession';

declare module 'vue-router' {
  interface RouteMeta {
    /** Who may open the page; absent = public. The server enforces the same rules. */
    roles?: readonly Role[];
    /** i18n key of the page title. */
    title: string;
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { title: 'login.title' },
  },
  {
    path: '/stage',
    name: 'stage',
    component: () => import('./pages/StagePage.vue'),
    meta: { title: 'stage.title' },
  },
  {
    path: '/',
    name: 'home',
    // Who reads no complaints (the analyst) starts at the metrics.
    redirect: () => {
      const role = session.role.value;
      return role && !COMPLAINT_READER_ROLES.includes(role)
        ? { name: 'metrics' }
        : { name: 'queue' };
    },
    meta: { title: 'common.appName', roles: ROLE_VALUES },
  },
  {
    path: '/complaints',
    name: 'queue',
    component: () => import('./pages/ComplaintListPage.vue'),
    meta: { title: 'queue.title', roles: COMPLAINT_READER_ROLES },
  },
  {
    path: '/complaints/:id',
    name: 'complaint',
    component: () => import('./pages/ComplaintDetailPage.vue'),
    props: true,
    meta: { title: 'case.title', roles: COMPLAINT_READER_ROLES },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('./pages/RegisterComplaintPage.vue'),
    meta: { title: 'register.title', roles: DESK_REGISTRAR_ROLES },
  },
  {
    path: '/receipt/:id',
    name: 'receipt',
    component: () => import('./pages/ReceiptPage.vue'),
    props: true,
    meta: { title: 'receipt.title', roles: COMPLAINT_READER_ROLES },
  },
  {
    path: '/metrics',
    name: 'metrics',
    component: () => import('./pages/MetricsPage.vue'),
    meta: { title: 'metrics.title', roles: METRICS_READER_ROLES },
  },
  {
    path: '/calendar',
    name: 'calendar',
    component: () => import('./pages/CalendarPage.vue'),
    meta: { title: 'calendar.title', roles: ADMINISTRATOR_ROLES },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('./pages/AuditPage.vue'),
    meta: { title: 'audit.title', roles: ADMINISTRATOR_ROLES },
  },
  {
    path: '/users',
    name: 'users',
    component: () => import('./pages/UsersPage.vue'),
    meta: { title: 'users.title', roles: ADMINISTRATOR_ROLES },
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach((to) => {
  if (!to.meta.roles) return true;
  if (!session.isActive()) return { name: 'login', query: { next: to.fullPath } };
  const role = session.role.value;
  if (role && !to.meta.roles.includes(role)) return { name: 'home' };
  return true;
});
