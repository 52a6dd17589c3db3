import { FieldResolver, Resolver, Root } from 'type-graphql';
import { noticeStyle, noticeTexts, type NoticeText } from '@complaints/domain';
import type { NoticeView } from './notice.entity.js';
import { NoticeTextType, NoticeType } from './notice.types.js';

@Resolver(() => NoticeType)
export class NoticeResolver {
  @FieldResolver(() => [NoticeTextType], {
    description:
      'O5: the notice as the recipient reads it: in their language (or Kazakh and Russian), easy-read when asked; what the letter prints and the email and SMS carry.',
  })
  texts(@Root() notice: NoticeView): NoticeText[] {
    return noticeTexts(
      notice.kind,
      notice.content,
      notice.language,
      noticeStyle(notice.accessibilityNeeds, notice.easyRead),
    );
  }
}
