import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import {
  withKzChecksum,
  type AccessibilityNeed,
  type Outcome,
  type Role,
} from '@complaints/domain';
import type { Actor, RequestCtx } from '../../context.js';
import { almatyDate } from '../../modules/calendar/index.js';
import { Authority } from '../../modules/authorities/index.js';
import type { Complaint, RecipientData } from '../../modules/complaints/index.js';
import { Provider } from '../../modules/providers/index.js';
import { PublicService } from '../../modules/services/index.js';
import type { User } from '../../modules/users/index.js';
import type { Services } from '../../services.js';
import {
  DEMO_AUTHORITIES,
  DEMO_PROVIDERS,
  DEMO_PUBLIC_SERVICES,
  DESCRIPTIONS,
  GIVEN_NAMES,
  ORGANIZATIONS,
  PATRONYMICS,
  STREETS,
  SURNAMES,
} from './demo-reference-data.js';

export const DEMO_USERS: readonly { email: string; displayName: string; role: Role }[] = [
  { email: 'supervisor@demo.kz', displayName: 'Сауле Жақсыбекова', role: 'SUPERVISOR' },
  { email: 'inspector@demo.kz', displayName: 'Ержан Тоқтаров', role: 'INSPECTOR' },
  { email: 'analyst@demo.kz', displayName: 'Алия Мұратова', role: 'ANALYST' },
  { email: 'officer@demo.kz', displayName: 'Динара Есенова', role: 'PROVIDER_OFFICER' },
  { email: 'officer2@demo.kz', displayName: 'Марат Бекенов', role: 'PROVIDER_OFFICER' },
  { email: 'partner@demo.kz', displayName: 'Электрондық үкімет порталы', role: 'PARTNER' },
];

export const DEMO_COMPLAINT_COUNT = 220;
const DAY = 86_400_000;

/** A small deterministic generator: the same demo data on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

/**
 * Seeds the demo when the database has no provider yet: reference data, the demo users, and
 * complaints filed and moved through every status by the real services (so stamps, deadlines,
 * history, notices and the audit chain are all genuine). Returns whether it seeded.
 */
export async function seedDemoData(
  orm: MikroORM,
  services: Services,
  options: { demoPassword: string; now?: Date },
): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(Provider, {})) > 0) return false;
  const now = options.now ?? new Date();
  const passwordHash = await services.users.hashPassword(options.demoPassword);
  await em.transactional(async (tx) => {
    const { providers, authorities } = seedReferenceData(tx);
    const users = seedUsers(tx, services, providers, authorities, passwordHash);
    await tx.flush();
    await seedComplaints(tx, services, { providers, users, now });
  });
  return true;
}

function seedReferenceData(em: EntityManager) {
  const authorities = DEMO_AUTHORITIES.map((a) =>
    em.create(Authority, { ...a, createdAt: new Date(0) }),
  );
  const providers = DEMO_PROVIDERS.map(({ binPrefix, ...p }) =>
    em.create(Provider, { ...p, bin: bin(binPrefix), createdAt: new Date(0) }),
  );
  for (const service of DEMO_PUBLIC_SERVICES) em.create(PublicService, service);
  return { providers, authorities };
}

function bin(prefix: string): string {
  const value = withKzChecksum(prefix);
  if (!value) throw new Error(`demo BIN prefix ${prefix} has no check digit`);
  return value;
}

function seedUsers(
  em: EntityManager,
  services: Services,
  providers: Provider[],
  authorities: Authority[],
  passwordHash: string,
): Map<string, User> {
  const users = new Map<string, User>();
  for (const demo of DEMO_USERS) {
    const providerId =
      demo.email === 'officer@demo.kz'
        ? providers[0]!.id
        : demo.email === 'officer2@demo.kz'
          ? providers[2]!.id
          : null;
    const authorityId =
      demo.role === 'SUPERVISOR' || demo.role === 'INSPECTOR' ? authorities[0]!.id : null;
    users.set(
      demo.email,
      services.users.create(em, { ...demo, password: '', providerId, authorityId }, passwordHash),
    );
  }
  return users;
}

function actorOf(user: User, providerId: string | null = null): Actor {
  return {
    kind: 'user',
    userId: user.id,
    displayName: user.displayName,
    role: user.role,
    providerId: providerId ?? user.provider?.id ?? null,
    authorityId: user.authority?.id ?? null,
  };
}

type Plan =
  | 'REGISTERED'
  | 'IN_REVIEW'
  | 'DECIDED'
  | 'WITHDRAWN'
  | 'ESCALATED_OPEN'
  | 'ESCALATED_IN_REVIEW'
  | 'ESCALATED_DECIDED'
  | 'COURT_REFERRED'
  | 'ESCALATED_INACTION';

const PLANS: readonly [Plan, number][] = [
  ['REGISTERED', 22],
  ['IN_REVIEW', 14],
  ['DECIDED', 30],
  ['WITHDRAWN', 5],
  ['ESCALATED_OPEN', 8],
  ['ESCALATED_IN_REVIEW', 7],
  ['ESCALATED_DECIDED', 6],
  ['COURT_REFERRED', 4],
  ['ESCALATED_INACTION', 4],
];

async function seedComplaints(
  em: EntityManager,
  services: Services,
  data: { providers: Provider[]; users: Map<string, User>; now: Date },
): Promise<void> {
  const rng = random(2026);
  const user = (email: string) => data.users.get(email)!;
  const inspector = actorOf(user('inspector@demo.kz'));
  const partner = actorOf(user('partner@demo.kz'));
  const ctxAt = (actor: Actor, at: number): RequestCtx => ({
    em,
    actor,
    now: new Date(Math.min(at, latest)),
    language: 'ru',
  });
  const latest = data.now.getTime() - 60_000;
  const plans: Plan[] = PLANS.flatMap(([plan, weight]) => Array<Plan>(weight).fill(plan));

  for (let i = 0; i < DEMO_COMPLAINT_COUNT; i += 1) {
    const plan = plans[i % plans.length]!;
    const provider = i % 5 === 0 ? data.providers[0]! : rng.pick(data.providers);
    const officerUser =
      provider.id === data.providers[0]!.id
        ? user('officer@demo.kz')
        : provider.id === data.providers[2]!.id
          ? user('officer2@demo.kz')
          : null;
    // Officers of providers without a demo login are acted by a named clerk of that office.
    const officer: Actor = officerUser
      ? actorOf(officerUser)
      : {
          kind: 'user',
          userId: user('officer@demo.kz').id,
          displayName: 'Айжан Сейітова',
          role: 'PROVIDER_OFFICER',
          providerId: provider.id,
          authorityId: null,
        };
    const electronic = rng.next() < 0.45;
    // Open plans are filed recently so that some are on time and some overdue.
    const ageDays =
      plan === 'REGISTERED' || plan === 'IN_REVIEW' ? rng.int(0, 14) : rng.int(12, 75);
    const filedAt = data.now.getTime() - ageDays * DAY - rng.int(0, 10) * 3_600_000;
    const filer = electronic ? partner : officer;
    const receipt = await services.complaints.fileComplaint(ctxAt(filer, filedAt), {
      providerId: provider.id,
      publicServiceCode: rng.pick(DEMO_PUBLIC_SERVICES).code,
      official: rng.next() < 0.4 ? `${rng.pick(SURNAMES)[0]} ${rng.pick(GIVEN_NAMES.male)}` : null,
      subject: rng.pick(['DECISION', 'ACTION', 'INACTION'] as const),
      description: rng.pick(DESCRIPTIONS),
      channel: electronic ? 'ELECTRONIC' : 'PAPER',
      signature: electronic ? 'DIGITAL' : 'HANDWRITTEN',
      recipient: recipient(rng, i),
    });
    let complaint: Complaint = receipt.complaint;
    let at = filedAt;
    // Each later step happens some days after the previous one, but never after now.
    const step = (minDays: number, maxDays: number) => {
      at = Math.min(at + rng.int(minDays, maxDays) * DAY + rng.int(1, 5) * 3_600_000, latest);
      return at;
    };
    if (plan === 'REGISTERED') continue;
    if (plan === 'ESCALATED_INACTION') {
      // The provider never answered: escalated once its deadline passed.
      at =
        Date.parse(`${complaint.registration.responseDeadline}T12:00:00+05:00`) +
        rng.int(1, 4) * DAY;
      const child = await services.complaints.escalate(ctxAt(partner, at), complaint.id, {
        reason: 'Көрсетілетін қызметті беруші белгіленген мерзімде жауап бермеді.',
        channel: 'ELECTRONIC',
        signature: 'DIGITAL',
        // The recipient gave the portal their receipt.
        trackingCode: receipt.trackingCode,
      });
      await services.complaints.startReview(ctxAt(inspector, step(1, 2)), child.complaint.id, 1);
      continue;
    }
    complaint = await services.complaints.startReview(
      ctxAt(officer, step(0, 1)),
      complaint.id,
      complaint.version,
    );
    if (plan === 'IN_REVIEW') continue;
    if (plan === 'WITHDRAWN') {
      await services.complaints.withdraw(
        ctxAt(officer, step(0, 2)),
        complaint.id,
        complaint.version,
        'Өтініш беруші шағымын кері қайтарып алды.',
      );
      continue;
    }
    const outcome = rng.pick<Outcome>(['UPHELD', 'PARTIALLY_UPHELD', 'REJECTED', 'REJECTED']);
    // Most answers come in time; about one in six is late.
    complaint = await services.complaints.decide(
      ctxAt(officer, step(rng.next() < 0.17 ? 6 : 1, rng.next() < 0.17 ? 12 : 5)),
      complaint.id,
      complaint.version,
      {
        outcome,
        reasoning: 'Шағымның дәлелдері тексерілді, қызмет стандартының талаптары қаралды.',
        remedialMeasures:
          outcome === 'REJECTED'
            ? null
            : 'Қызмет қайта көрсетілді, жауапты қызметкерге тәртіптік шара қолданылды.',
      },
    );
    if (plan === 'DECIDED') continue;
    const paper = rng.next() < 0.4;
    const escalation = await services.complaints.escalate(
      ctxAt(paper ? inspector : partner, step(1, 4)),
      complaint.id,
      {
        reason: 'Алушы қызмет берушінің шешімімен келіспейді.',
        channel: paper ? 'PAPER' : 'ELECTRONIC',
        signature: paper ? 'HANDWRITTEN' : 'DIGITAL',
        trackingCode: paper ? null : receipt.trackingCode,
      },
    );
    let child = escalation.complaint;
    if (plan === 'ESCALATED_OPEN') continue;
    child = await services.complaints.startReview(
      ctxAt(inspector, step(1, 3)),
      child.id,
      child.version,
    );
    if (plan === 'ESCALATED_IN_REVIEW') continue;
    const authorityOutcome = rng.pick<Outcome>(['UPHELD', 'REJECTED', 'REJECTED']);
    child = await services.complaints.decide(
      ctxAt(inspector, step(3, 14)),
      child.id,
      child.version,
      {
        outcome: authorityOutcome,
        reasoning: 'Уәкілетті орган шағымды қарап, қорытынды шығарды.',
        remedialMeasures:
          authorityOutcome === 'UPHELD'
            ? 'Қызмет берушіге бұзушылықтарды жою туралы ұйғарым берілді.'
            : null,
      },
    );
    if (plan === 'ESCALATED_DECIDED') continue;
    const filedOn = almatyDate(new Date(step(2, 6)));
    // Whoever registered the escalation records the court referral: the portal, or the inspector.
    await services.complaints.referToCourt(ctxAt(paper ? inspector : partner, at), child.id, {
      court: 'Астана қаласының мамандандырылған ауданаралық әкімшілік соты',
      filedOn,
      caseNumber: `7194-${26}-00-4/${100 + i}`,
    });
  }
}

function recipient(rng: ReturnType<typeof random>, i: number): RecipientData {
  const needs: AccessibilityNeed[] = [];
  if (i % 9 === 0) needs.push('LARGE_PRINT');
  if (i % 13 === 0) needs.push('WHEELCHAIR_ACCESS');
  if (i % 17 === 0) needs.push('SIGN_LANGUAGE');
  if (i % 23 === 0) needs.push('HOME_VISIT');
  if (i % 29 === 0) needs.push('SCREEN_READER');
  const address = `${rng.pick(['Астана', 'Алматы', 'Шымкент'])} қ., ${rng.pick(STREETS)}, ${rng.int(1, 120)}, ${rng.int(1, 200)}-пәтер`;
  if (i % 7 === 3) {
    return {
      kind: 'LEGAL_ENTITY',
      organizationName: rng.pick(ORGANIZATIONS),
      bin:
        withKzChecksum(
          `1${String(rng.int(0, 9))}0${rng.int(1, 9)}40${String(rng.int(10000, 99999))}`,
        ) ?? withKzChecksum('16024001234')!,
      outgoingNumber: `${rng.int(1, 400)}/${rng.int(1, 12)}`,
      outgoingDate: '2026-09-01',
      postalAddress: address,
      email: rng.next() < 0.5 ? `info${i}@example.kz` : null,
      accessibilityNeeds: [],
    };
  }
  const female = rng.next() < 0.5;
  const [maleSurname, femaleSurname] = rng.pick(SURNAMES);
  return {
    kind: 'INDIVIDUAL',
    surname: female ? femaleSurname : maleSurname,
    givenName: rng.pick(female ? GIVEN_NAMES.female : GIVEN_NAMES.male),
    patronymic: rng.pick(female ? PATRONYMICS.female : PATRONYMICS.male),
    iin:
      rng.next() < 0.6
        ? withKzChecksum(
            `${rng.int(60, 99)}0${rng.int(1, 9)}1${rng.int(0, 9)}${female ? 4 : 3}0${rng.int(1000, 9999)}`,
          )
        : null,
    postalAddress: address,
    phone:
      rng.next() < 0.6
        ? `+7 70${rng.int(0, 9)} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`
        : null,
    email: rng.next() < 0.3 ? `recipient${i}@mail.kz` : null,
    accessibilityNeeds: needs,
  };
}
