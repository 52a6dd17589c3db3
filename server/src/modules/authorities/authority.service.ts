import type { EntityManager } from '@mikro-orm/postgresql';
import { Authority } from './authority.entity.js';
import { isUuid } from '../../validation.js';

export class AuthorityService {
  list(em: EntityManager): Promise<Authority[]> {
    return em.find(Authority, {}, { orderBy: { nameRu: 'asc' } });
  }

  findById(em: EntityManager, id: string): Promise<Authority | null> {
    return isUuid(id) ? em.findOne(Authority, { id }) : Promise.resolve(null);
  }

  findByIds(em: EntityManager, ids: readonly string[]): Promise<Authority[]> {
    return em.find(Authority, { id: { $in: ids.filter(isUuid) } });
  }

  /** C6: the territorial department that reviews complaints about providers of a region. */
  findForRegion(em: EntityManager, region: string): Promise<Authority | null> {
    return em.findOne(Authority, { region });
  }
}
