import { withKzChecksum, type Role } from '@complaints/domain';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Actor, RequestCtx } from '../../src/context.js';
import { Authority } from '../../src/modules/authorities/authority.entity.js';
import type { FileComplaintData } from '../../src/modules/complaints/complaint.types-input.js';
import { Provider } from '../../src/modules/providers/provider.entity.js';
import { PublicService } from '../../src/modules/services/public-service.entity.js';
import { User } from '../../src/modules/users/user.entity.js';
import { createServices, type Services } from '../../src/services.js';

let sequence = 0;
const next = () => (sequence += 1);

export function testServices(): Services {
  return createServices({
    officeClosesAt: { hour: 18, minute: 30 },
    officeOpensAt: { hour: 9, minute: 0 },
    smtpUrl: null,
    smtpFrom: 'noreply@test.kz',
    smsGateway: null,
    // A test-only key; the server never holds one in its code.
    jwtSecret: '_Y7PidWmd77L41WI4PtUq8uCE_z2EQPjovltKd6JTu0',
  });
}

/** An instant given as Almaty wall-clock time, e.g. at('2026-11-24 10:00'). */
export function at(almatyWallClock: string): Date {
  return new Date(`${almatyWallClock.replace(' ', 'T')}:00+05:00`);
}

export function ctxFor(orm: MikroORM, actor: Actor | null, now: Date): RequestCtx {
  return { em: orm.em.fork(), actor, now, language: 'en' };
}

export async function newProvider(em: EntityManager, region = 'Астана'): Promise<Provider> {
  const n = next();
  const provider = em.create(Provider, {
    bin:
      withKzChecksum(`1602400${String(1000 + n).padStart(4, '0')}`) ??
      withKzChecksum('16024001234')!,
    nameKk: `Қызмет беруші ${n}`,
    nameRu: `Поставщик ${n}`,
    region,
    postalAddress: `Астана қ., Көше ${n}`,
    officeCode: `P${n}`,
  });
  await em.persist(provider).flush();
  return provider;
}

export async function newAuthority(em: EntityManager, region = 'Астана'): Promise<Authority> {
  const n = next();
  const authority = em.create(Authority, {
    nameKk: `Департамент ${n}`,
    nameRu: `Департамент ${n}`,
    region,
    postalAddress: `Астана қ., Мәңгілік Ел ${n}`,
    officeCode: `A${n}`,
  });
  await em.persist(authority).flush();
  return authority;
}

export async function newPublicService(em: EntityManager): Promise<PublicService> {
  const service = em.create(PublicService, {
    code: `S${next()}`,
    nameKk: 'Жеке куәлік беру',
    nameRu: 'Выдача удостоверения личности',
    providerKind: 'State Corporation',
    standardTermWorkingDays: 15,
    forms: ['PAPER'],
    documentsRequired: [],
  });
  await em.persist(service).flush();
  return service;
}

export async function newUser(
  em: EntityManager,
  role: Role,
  scope: { providerId?: string; authorityId?: string } = {},
): Promise<{ user: User; actor: Actor }> {
  const n = next();
  const user = em.create(User, {
    email: `user${n}@test.kz`,
    displayName: `Тестов Тест ${n}`,
    role,
    passwordHash: 'not-a-real-hash',
    provider: scope.providerId ?? null,
    authority: scope.authorityId ?? null,
  });
  await em.persist(user).flush();
  return {
    user,
    actor: {
      kind: 'user',
      userId: user.id,
      displayName: user.displayName,
      role,
      providerId: scope.providerId ?? null,
      authorityId: scope.authorityId ?? null,
    },
  };
}

export function individualComplaint(
  providerId: string,
  overrides: Partial<FileComplaintData> = {},
): FileComplaintData {
  return {
    providerId,
    subject: 'ACTION',
    description: 'Құжаттарды қабылдаудан негізсіз бас тартылды.',
    channel: 'PAPER',
    signature: 'HANDWRITTEN',
    recipient: {
      kind: 'INDIVIDUAL',
      surname: 'Ахметова',
      givenName: 'Айгүл',
      patronymic: 'Серікқызы',
      postalAddress: 'Астана қ., Абай даңғылы, 10, 5-пәтер',
      accessibilityNeeds: ['LARGE_PRINT', 'SIGN_LANGUAGE'],
    },
    ...overrides,
  };
}

export function legalEntityComplaint(providerId: string): FileComplaintData {
  return {
    providerId,
    subject: 'DECISION',
    description: 'Заңды тұлғаны тіркеуден бас тартылды.',
    channel: 'ELECTRONIC',
    signature: 'DIGITAL',
    recipient: {
      kind: 'LEGAL_ENTITY',
      organizationName: '«Алтын Дән» ЖШС',
      bin: withKzChecksum('16054001234') ?? withKzChecksum('16044001234')!,
      outgoingNumber: '112/4',
      outgoingDate: '2026-11-20',
      postalAddress: 'Алматы қ., Төле би көшесі, 155',
    },
  };
}

/** Row counts of every table a complaint change writes to: equal before and after = nothing written. */
export async function writeCounts(
  sql: (text: string) => Promise<Record<string, unknown>[]>,
): Promise<Record<string, number>> {
  const [row] = await sql(`select
      (select count(*) from complaint)::int as complaints,
      (select count(*) from complaint_event)::int as events,
      (select count(*) from audit_record)::int as audit,
      (select count(*) from notice)::int as notices,
      (select count(*) from calendar_override)::int as overrides,
      (select coalesce(sum(last_value), 0) from incoming_number_counter)::int as numbers`);
  return row as Record<string, number>;
}
