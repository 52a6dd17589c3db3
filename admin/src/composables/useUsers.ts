import { computed, shallowRef } from 'vue';
import { isAuthorityStaff, Role } from '@complaints/domain';
import {
  ChangeUserRoleDocument,
  CreateUserDocument,
  DeactivateUserDocument,
  UsersDocument,
  type UsersQuery,
} from '../graphql/generated/graphql';
import { useMutation, useQuery } from './useQuery';

export type UserRow = UsersQuery['users'][number];
export type ProviderOption = UsersQuery['providers'][number];
export type AuthorityOption = UsersQuery['authorities'][number];

/** The user form's values ('' = not chosen). */
export interface UserDraft {
  email: string;
  displayName: string;
  role: Role;
  providerId: string;
  authorityId: string;
  password: string;
}

export function emptyUserDraft(): UserDraft {
  return {
    email: '',
    displayName: '',
    role: Role.INSPECTOR,
    providerId: '',
    authorityId: '',
    password: '',
  };
}

/** A provider officer works for one provider. */
export function worksForProvider(role: Role): boolean {
  return role === Role.PROVIDER_OFFICER;
}

/** The authority's staff (inspectors and supervisors) belong to one of its departments. */
export function worksForAuthority(role: Role): boolean {
  return isAuthorityStaff(role);
}

/** A name in the reader's language: Kazakh for kk, Russian otherwise (the register has no English). */
export function localName(
  entity: { nameKk: string; nameRu: string } | null | undefined,
  locale: string,
): string {
  if (!entity) return '';
  return locale === 'kk' ? entity.nameKk : entity.nameRu;
}

/** What the last successful change was, for the notification. */
export type UserChangeDone = { kind: 'created' | 'roleChanged' | 'deactivated'; name: string };

/**
 * SUPERVISOR: the users, with the providers and departments they may belong to; creating a user,
 * changing a role and deactivating. The server validates (and audits) every change.
 */
export function useUsers() {
  const list = useQuery(UsersDocument, {});
  const users = computed(() => list.data.value?.users ?? []);
  const providers = computed(() => list.data.value?.providers ?? []);
  const authorities = computed(() => list.data.value?.authorities ?? []);

  const create = useMutation(CreateUserDocument);
  const changeRole = useMutation(ChangeUserRoleDocument);
  const deactivate = useMutation(DeactivateUserDocument);
  const done = shallowRef<UserChangeDone | null>(null);

  function scope(draft: UserDraft) {
    return {
      providerId: worksForProvider(draft.role) && draft.providerId ? draft.providerId : null,
      authorityId: worksForAuthority(draft.role) && draft.authorityId ? draft.authorityId : null,
    };
  }

  async function createUser(draft: UserDraft): Promise<boolean> {
    done.value = null;
    const data = await create.run({
      input: {
        email: draft.email.trim(),
        displayName: draft.displayName.trim(),
        role: draft.role,
        password: draft.password,
        ...scope(draft),
      },
    });
    if (!data) return false;
    done.value = { kind: 'created', name: data.createUser.displayName };
    list.refetch();
    return true;
  }

  async function changeUserRole(user: UserRow, draft: UserDraft): Promise<boolean> {
    done.value = null;
    const data = await changeRole.run({ id: user.id, role: draft.role, ...scope(draft) });
    if (!data) return false;
    done.value = { kind: 'roleChanged', name: user.displayName };
    return true;
  }

  async function deactivateUser(user: UserRow): Promise<boolean> {
    done.value = null;
    const data = await deactivate.run({ id: user.id });
    if (!data) return false;
    done.value = { kind: 'deactivated', name: user.displayName };
    return true;
  }

  return {
    users,
    providers,
    authorities,
    loading: list.loading,
    error: list.error,
    refetch: list.refetch,
    done,
    createUser,
    creating: create.running,
    createError: create.error,
    changeUserRole,
    changingRole: changeRole.running,
    changeRoleError: changeRole.error,
    deactivateUser,
    deactivating: deactivate.running,
    deactivateError: deactivate.error,
  };
}
