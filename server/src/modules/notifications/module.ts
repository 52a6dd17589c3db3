import { defineModule } from '../../app-module.js';
import { perComplaintLoader } from '../../graphql/batch-loaders.js';
import { Notice, type NoticeView } from './notice.entity.js';
import { NoticeResolver } from './notice.resolver.js';
import { NotificationService } from './notification.service.js';

export const notificationsModule = defineModule({
  name: 'notifications',
  entities: [Notice],
  services: () => ({ notifications: new NotificationService() }),
  resolvers: () => [new NoticeResolver()],
  loaders: (ctx, { notifications }) => ({
    notices: perComplaintLoader<NoticeView>((ids) => notifications.listForComplaints(ctx.em, ids)),
  }),
});
