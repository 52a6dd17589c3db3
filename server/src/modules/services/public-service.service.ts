import type { EntityManager } from '@mikro-orm/postgresql';
import { PublicService } from './public-service.entity.js';

/** R1: the register of public services. */
export class PublicServiceService {
  list(em: EntityManager, search?: string | null): Promise<PublicService[]> {
    const term = search?.trim();
    if (!term) return em.find(PublicService, {}, { orderBy: { code: 'asc' } });
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return em.find(
      PublicService,
      {
        $or: [
          { code: { $ilike: like } },
          { nameKk: { $ilike: like } },
          { nameRu: { $ilike: like } },
        ],
      },
      { orderBy: { code: 'asc' } },
    );
  }

  findByCode(em: EntityManager, code: string): Promise<PublicService | null> {
    return em.findOne(PublicService, { code });
  }

  findByCodes(em: EntityManager, codes: readonly string[]): Promise<PublicService[]> {
    return em.find(PublicService, { code: { $in: [...codes] } });
  }
}
