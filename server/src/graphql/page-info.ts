import { Field, ObjectType } from 'type-graphql';

// The cursor pagination every connection shares.

@ObjectType('PageInfo', { description: 'Where a page ends.' })
export class PageInfoType {
  @Field({ description: 'Whether another page follows.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}
