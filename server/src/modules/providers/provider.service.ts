import type { EntityManager } from '@mikro-orm/postgresql';
import { Provider } from './provider.entity.js';

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

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
