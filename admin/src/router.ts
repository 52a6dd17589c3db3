import {
  createRouter,
  createWebHistory,
  type RouteMeta,
  type RouteRecordRaw,
  type RouteRecordSingleView,
} from 'vue-router';
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

/**
 * A page's route: lazily loaded, with its meta; `withParams` passes the path's parameters to the
 * page as props.
 */
function page(
  path: string,
  name: string,
  component: RouteRecordSingleView['component'],
  meta: RouteMeta,
  withParams = false,
): RouteRecordRaw {
  return withParams
    ? { path, name, component, meta, props: true }
    : { path, name, component, meta };
}

const routes: RouteRecordRaw[] = [
  page('/login', 'login', () => import('./pages/LoginPage.vue'), { title: 'login.title' }),
  page('/stage', 'stage', () => import('./pages/StagePage.vue'), { title: 'stage.title' }),
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
  page('/complaints', 'queue', () => import('./pages/ComplaintListPage.vue'), {
    title: 'queue.title',
    roles: COMPLAINT_READER_ROLES,
  }),
  page(
    '/complaints/:id',
    'complaint',
    () => import('./pages/ComplaintDetailPage.vue'),
    { title: 'case.title', roles: COMPLAINT_READER_ROLES },
    true,
  ),
  page('/register', 'register', () => import('./pages/RegisterComplaintPage.vue'), {
    title: 'register.title',
    roles: DESK_REGISTRAR_ROLES,
  }),
  page(
    '/receipt/:id',
    'receipt',
    () => import('./pages/ReceiptPage.vue'),
    { title: 'receipt.title', roles: COMPLAINT_READER_ROLES },
    true,
  ),
  page('/metrics', 'metrics', () => import('./pages/MetricsPage.vue'), {
    title: 'metrics.title',
    roles: METRICS_READER_ROLES,
  }),
  page('/calendar', 'calendar', () => import('./pages/CalendarPage.vue'), {
    title: 'calendar.title',
    roles: ADMINISTRATOR_ROLES,
  }),
  page('/audit', 'audit', () => import('./pages/AuditPage.vue'), {
    title: 'audit.title',
    roles: ADMINISTRATOR_ROLES,
  }),
  page('/users', 'users', () => import('./pages/UsersPage.vue'), {
    title: 'users.title',
    roles: ADMINISTRATOR_ROLES,
  }),
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
