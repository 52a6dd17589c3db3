import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@complaints/calendar';
import { PORTAL_ACCOUNT, REVIEW_TERM_WORKING_DAYS, type ReviewLevel } from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { runStatement, sql } from '../../db/statement.js';
import type { WorkingCalendarService } from '../calendar/index.js';
import { User } from '../users/index.js';
import { searchTextOf } from './complaint-search.js';
import { Complaint, Registration } from './complaint.entity.js';
import { incomingNumberDigits, incomingNumberPrefix } from './incoming-number.js';
import { type RegistrationWrite, writeRegistration } from './registration.js';
import { hashTrackingCode, newTrackingCode } from './tracking-code.js';
import { isUuid } from '../../validation.js';

/** A new complaint and its tracking code, shown once: only its hash is stored. */
export interface NewComplaint {
  complaint: Complaint;
  trackingCode: string;
}

/** The office that registers a complaint (C4): its code, name and address for the stamp. */
export interface Office {
  officeCode: string;
  nameRu: string;
  postalAddress: string;
}

/** The dates of a registration stamp (see `WorkingCalendarService.registrationStampSql`). */
export interface Stamp {
  registeredOn: LocalDate;
  responseDeadline: LocalDate;
}

interface OfficeRow {
  id: string;
  office_code: string;
  name_ru: string;
  postal_address: string;
  registered_on: LocalDate | null;
  response_deadline: LocalDate | null;
}

/**
 * C4: the registration desk: the stamp (incoming number, date, who accepted it, deadline and
 * place of the answer), read and written with as few statements as a filing allows.
 */
export class RegistrationDesk {
  constructor(private readonly calendars: WorkingCalendarService) {}

  /**
   * C4: the provider's office, whether the public service is in the register (R1/R2), and the
   * stamp's dates for a complaint received at `receivedAt`: one read. Null when there is no such
   * provider.
   */
  async providerOffice(
    ctx: RequestCtx,
    providerId: string,
    publicServiceCode: string | null,
    receivedAt: Date = ctx.now,
  ): Promise<(Office & { id: string; publicServiceKnown: boolean; stamp: Stamp }) | null> {
    if (!isUuid(providerId)) return null;
    const [row] = await runStatement<OfficeRow & { public_service_known: boolean }>(
      ctx.em,
      sql`select p.id, p.office_code, p.name_ru, p.postal_address, stamp.registered_on,
          stamp.response_deadline,
          (${publicServiceCode}::text is null or exists (
            select 1 from public_service s where s.code = ${publicServiceCode}::text
          )) as public_service_known
        from provider p
        left join lateral ${this.calendars.registrationStampSql(
          receivedAt,
          REVIEW_TERM_WORKING_DAYS.PROVIDER,
        )} stamp on true
        where p.id = ${providerId}::uuid`,
    );
    if (!row) return null;
    return {
      id: row.id,
      officeCode: row.office_code,
      nameRu: row.name_ru,
      postalAddress: row.postal_address,
      publicServiceKnown: row.public_service_known,
      stamp: stampOf(row),
    };
  }

  /** C4, C5/C7: the registration date and the deadline of a complaint received now. */
  async stamp(em: EntityManager, ctx: RequestCtx, level: ReviewLevel): Promise<Stamp> {
    const [row] = await runStatement<Pick<OfficeRow, 'registered_on' | 'response_deadline'>>(
      em,
      sql`select registered_on, response_deadline
        from ${this.calendars.registrationStampSql(ctx.now, REVIEW_TERM_WORKING_DAYS[level])} stamp`,
    );
    return stampOf(row);
  }

  /**
   * C4, C5/C7: the stamp: incoming number (its count still `placeholder`), registration date,
   * who accepted it, deadline, place; `receivedAt` is when it reached the office.
   */
  registration(
    ctx: RequestCtx,
    office: Office,
    stamp: Stamp,
    channel: 'PAPER' | 'ELECTRONIC',
    placeholder: string,
    receivedAt: Date = ctx.now,
  ): Registration {
    const registration = new Registration();
    registration.registeredAt = receivedAt;
    registration.registeredOn = stamp.registeredOn;
    registration.incomingNumber = `${incomingNumberPrefix(office.officeCode, yearOf(stamp))}${placeholder}`;
    registration.officeCode = office.officeCode;
    registration.acceptedBy = ctx.actor?.displayName ?? 'anonymous';
    registration.responseDeadline = stamp.responseDeadline;
    registration.responsePlace =
      channel === 'ELECTRONIC'
        ? `${office.nameRu}: ${PORTAL_ACCOUNT}`
        : `${office.nameRu}, ${office.postalAddress}`;
    return registration;
  }

  /** A new REGISTERED complaint with a fresh tracking code (O6), for `register` to write. */
  newComplaint(
    em: EntityManager,
    ctx: RequestCtx,
    data: Pick<
      Complaint,
      | 'level'
      | 'channel'
      | 'subject'
      | 'description'
      | 'signature'
      | 'recipient'
      | 'provider'
      | 'publicServiceCode'
      | 'official'
      | 'registration'
    > &
      Partial<Pick<Complaint, 'authority' | 'parent'>>,
  ): NewComplaint {
    // Constructed, not `em.create`d: `register`'s statement writes it, the unit of work never
    // sees it, and the ORM's factory (defaults, copies, hydration) cost ~0.1 ms a filing.
    const complaint = Object.assign(new Complaint(), data, {
      status: 'REGISTERED' as const,
      filedBy: ctx.actor?.kind === 'user' ? em.getReference(User, ctx.actor.userId) : null,
      trackingCodeHash: '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    complaint.searchText = searchTextOf(complaint);
    const trackingCode = newTrackingCode();
    complaint.trackingCodeHash = hashTrackingCode(complaint.id, trackingCode);
    return { complaint, trackingCode };
  }

  /**
   * C4: writes a registration in one statement (see `writeRegistration`), then gives the
   * complaint its incoming number.
   */
  async register(
    em: EntityManager,
    ctx: RequestCtx,
    complaint: Complaint,
    placeholder: string,
    rows: Pick<RegistrationWrite, 'events' | 'consents' | 'notices' | 'audit'>,
  ): Promise<void> {
    const { registration } = complaint;
    const year = Number(registration.registeredOn.slice(0, 4));
    const count = await writeRegistration(em, ctx, {
      officeCode: registration.officeCode,
      year,
      placeholder,
      complaint,
      ...rows,
    });
    const digits = incomingNumberDigits(count);
    registration.incomingNumber = registration.incomingNumber.replace(placeholder, digits);
    complaint.searchText = complaint.searchText.replace(placeholder, digits);
  }
}

function stampOf(row: Pick<OfficeRow, 'registered_on' | 'response_deadline'> | undefined): Stamp {
  // The working calendar covers the years the system serves (working_day); outside them, no stamp.
  if (!row?.registered_on || !row.response_deadline) {
    throw new Error('no registration date or deadline in the working calendar for this instant');
  }
  return { registeredOn: row.registered_on, responseDeadline: row.response_deadline };
}

function yearOf(stamp: Stamp): number {
  return Number(stamp.registeredOn.slice(0, 4));
}
