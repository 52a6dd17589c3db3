import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { almatyDate } from '../../src/modules/calendar/almaty-time.js';
import { FILE_COMPLAINT, complaintInput, startApiWorld, type ApiWorld } from '../support/api.js';

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world?.stop();
});

interface Receipt {
  trackingCode: string;
  complaint: {
    id: string;
    registration: {
      incomingNumber: string;
      registeredOn: string;
      responseDeadline: string;
      acceptedBy: string;
      responsePlace: string;
    };
  };
}

const STAGE = `query($n: String!, $c: String!) {
  complaintStage(incomingNumber: $n, trackingCode: $c) { status level outcome }
}`;
const REFER = `mutation($id: ID!, $on: LocalDate!) {
  referToCourt(id: $id, input: { court: "Астана қаласының әкімшілік соты", filedOn: $on, caseNumber: "7194-26" }) {
    status courtReferral { court filedOn caseNumber }
  }
}`;

describe("the recipient's rights and the procedure's information", () => {
  it('R5: after the authority decided, the recipient goes to court: the referral is recorded and the public stage says so', async () => {
    const officer = await world.as('officer');
    const inspector = await world.as('inspector');
    const partner = await world.as('partner');
    const filed = await officer.request<{ fileComplaint: Receipt }>(FILE_COMPLAINT, {
      input: complaintInput(world.providers.astana.id),
    });
    const parent = filed.data!.fileComplaint;
    await officer.request(
      `mutation($id: ID!) { decideComplaint(id: $id, expectedVersion: 1, input: { outcome: REJECTED, reasoning: "Жоқ" }) { id } }`,
      { id: parent.complaint.id },
    );
    const escalated = await partner.request<{ escalateComplaint: Receipt }>(
      `mutation($id: ID!, $c: String) { escalateComplaint(id: $id, input: { reason: "Келіспеймін", channel: ELECTRONIC, signature: DIGITAL, trackingCode: $c }) { trackingCode complaint { id registration { incomingNumber registeredOn responseDeadline acceptedBy responsePlace } } } }`,
      { id: parent.complaint.id, c: parent.trackingCode },
    );
    const child = escalated.data!.escalateComplaint;
    // The day the recipient goes to court: today in Almaty (after office hours the escalation is
    // registered on the next working day, which is still in the future).
    const today = almatyDate(new Date());

    // Not before the authority's own decision: the court comes after both reviews (C8).
    const early = await partner.request(REFER, { id: child.complaint.id, on: today });
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    await inspector.request(
      `mutation($id: ID!) { startReview(id: $id, expectedVersion: 1) { id } }`,
      {
        id: child.complaint.id,
      },
    );
    await inspector.request(
      `mutation($id: ID!) { decideComplaint(id: $id, expectedVersion: 2, input: { outcome: REJECTED, reasoning: "Негізсіз" }) { id } }`,
      { id: child.complaint.id },
    );
    const referred = await partner.request<{
      referToCourt: { status: string; courtReferral: Record<string, string> };
    }>(REFER, { id: child.complaint.id, on: today });
    expect(referred.errors).toBeUndefined();
    expect(referred.data?.referToCourt).toEqual({
      status: 'COURT_REFERRED',
      courtReferral: {
        court: 'Астана қаласының әкімшілік соты',
        filedOn: today,
        caseNumber: '7194-26',
      },
    });
    const stage = await world.anonymous.request<{ complaintStage: Record<string, string> }>(STAGE, {
      n: child.complaint.registration.incomingNumber,
      c: child.trackingCode,
    });
    expect(stage.data?.complaintStage).toEqual({
      status: 'COURT_REFERRED',
      level: 'AUTHORITY',
      outcome: 'REJECTED',
    });
  });

  it('O3: anyone reads the register of public services with its standard, in Kazakh and Russian, without logging in', async () => {
    const register = await world.anonymous.request<{
      publicServices: {
        code: string;
        nameKk: string;
        nameRu: string;
        standardTermWorkingDays: number;
        forms: string[];
        documentsRequired: { kk: string; ru: string }[];
      }[];
    }>(
      '{ publicServices { code nameKk nameRu providerKind standardTermWorkingDays forms documentsRequired { kk ru } } }',
    );
    expect(register.errors).toBeUndefined();
    expect(register.data?.publicServices).toContainEqual(
      expect.objectContaining({
        code: 'S-1',
        nameKk: 'Жеке куәлік беру',
        nameRu: 'Выдача удостоверения личности',
        standardTermWorkingDays: 15,
        forms: ['PAPER', 'ELECTRONIC'],
        documentsRequired: [{ kk: 'Жеке куәлік', ru: 'Удостоверение личности' }],
      }),
    );
  });

  it('O3: the receipt tells where and by when the answer comes, who accepted it, and the stage can be asked with it', async () => {
    const officer = await world.as('officer');
    const filed = await officer.request<{ fileComplaint: Receipt }>(FILE_COMPLAINT, {
      input: complaintInput(world.providers.astana.id),
    });
    const { registration } = filed.data!.fileComplaint.complaint;
    expect(registration.acceptedBy).toBe('officer user');
    // The place of the answer: the provider's office and its postal address.
    expect(registration.responsePlace).toContain(world.providers.astana.nameRu);
    expect(registration.responsePlace).toContain(world.providers.astana.postalAddress);
    const deadline = await world.anonymous.request<{ addWorkingDays: string }>(
      'query($d: LocalDate!) { addWorkingDays(from: $d, days: 5) }',
      { d: registration.registeredOn },
    );
    expect(registration.responseDeadline).toBe(deadline.data?.addWorkingDays);
    const stage = await world.anonymous.request<{ complaintStage: Record<string, string> }>(STAGE, {
      n: registration.incomingNumber,
      c: filed.data!.fileComplaint.trackingCode,
    });
    expect(stage.data?.complaintStage).toMatchObject({ status: 'REGISTERED', level: 'PROVIDER' });
  });
});
