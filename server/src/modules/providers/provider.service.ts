import type { EntityManager } from '@mikro-orm/postgresql';
import { Provider } from './provider.entity.js';
import { isUuid } from '../../validation.js';

export class ProviderService {
  list(em: EntityManager): Promise<Provider[]> {
    return em.find(Provider, {}, { orderBy: { nameRu: 'asc' } });
  }

  findById(em: EntityManager, id: string): Promise<Provider | null> {
    return isUuid(id) ? em.findOne(Provider, { id }) : Promise.resolve(null);
  }

  /** One query for many ids (DataLoader batches). */
  findByIds(em: EntityManager, ids: readonly string[]): Promise<Provider[]> {
    return em.find(Provider, { id: { $in: ids.filter(isUuid) } });
  }
}
