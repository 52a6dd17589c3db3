import type { RecipientData } from './complaint.types-input.js';
import { Recipient } from './complaint.entity.js';

// C1, C2: the recipient as the complaint stores it, from the filing's input or from the complaint
// it escalates.

export function toRecipient(input: RecipientData): Recipient {
  const recipient = new Recipient();
  recipient.kind = input.kind;
  recipient.surname = clean(input.surname);
  recipient.givenName = clean(input.givenName);
  recipient.patronymic = clean(input.patronymic);
  recipient.iin = clean(input.iin);
  recipient.organizationName = clean(input.organizationName);
  recipient.bin = clean(input.bin);
  recipient.outgoingNumber = clean(input.outgoingNumber);
  recipient.outgoingDate = input.outgoingDate ?? null;
  recipient.postalAddress = input.postalAddress.trim();
  recipient.email = clean(input.email);
  recipient.phone = clean(input.phone);
  recipient.accessibilityNeeds = [...(input.accessibilityNeeds ?? [])];
  recipient.language = input.language ?? null;
  recipient.noticeChannels = [...(input.noticeChannels ?? [])];
  recipient.easyRead = input.easyRead ?? false;
  return recipient;
}

export function copyRecipient(source: Recipient): Recipient {
  return Object.assign(new Recipient(), source, {
    accessibilityNeeds: [...source.accessibilityNeeds],
    noticeChannels: [...source.noticeChannels],
  });
}

function clean(value: string | null | undefined): string | null {
  return value?.trim() || null;
}
