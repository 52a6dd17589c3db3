import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The head of the audit chain: one row holding the hash of the newest record and of the one
 * before it. Every append upserts it in the very statement that inserts the record (see
 * `chainAppendSql`): its row lock puts the writers one after another, and the upsert works on the
 * newest committed head even when its statement began before that head was committed. Written
 * only there; never through the ORM: the entity only keeps the table in the schema snapshot.
 */
@Entity({ tableName: 'audit_chain_head' })
export class AuditChainHead {
  /** Always 1: the chain is one. */
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  /** The hash the newest record links to. */
  @Property({ type: 'text' })
  previousHash!: string;

  /** The newest record's hash: the one the next record links to. */
  @Property({ type: 'text' })
  hash!: string;
}
