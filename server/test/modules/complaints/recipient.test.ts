import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECIPIENT_FIELDS, recipientColumn } from '@complaints/domain';
import { Complaint } from '../../../src/modules/complaints/complaint.entity.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

// C1, C2: the recipient is declared once in @complaints/domain; the raw reads and the one-statement
// filing name its columns through `recipientColumn`. These tests hold that name to the migrated
// table and to the ORM's mapping, so a renamed field or column fails here, not in a user's queue.

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

describe('the recipient, declared once', () => {
  it('C1, C2: every recipient field has the column recipientColumn names, in the migrated table', async () => {
    const rows = await db.sql<{ column_name: string }>(
      `select column_name from information_schema.columns
        where table_name = 'complaint' and column_name like 'recipient\\_%'`,
    );
    expect(rows.map((row) => row.column_name).sort()).toEqual(
      RECIPIENT_FIELDS.map(recipientColumn).sort(),
    );
  });

  it('C1, C2: the ORM maps each recipient field to that same column', () => {
    const meta = db.orm.getMetadata().get(Complaint);
    for (const field of RECIPIENT_FIELDS) {
      const property = meta.properties[`recipient_${field}` as keyof typeof meta.properties];
      expect(property?.fieldNames, field).toEqual([recipientColumn(field)]);
    }
  });
});
