import { defineModule } from '../../app-module.js';
import type { AppConfig } from '../../config.js';
import { auditModule } from '../audit/index.js';
import { DeliveryResolver } from './delivery.resolver.js';
import { NoticeDeliveryService } from './notice-delivery.service.js';
import { NoticeDeskService } from './notice-desk.service.js';
import { EmailSender, SmsSender } from './notice-senders.js';

export const deliveryModule = defineModule({
  name: 'delivery',
  needs: () => [auditModule],
  services: ({ audit }, config: Pick<AppConfig, 'smtpUrl' | 'smtpFrom' | 'smsGateway'>) => ({
    noticeDelivery: new NoticeDeliveryService({
      EMAIL: config.smtpUrl ? new EmailSender(config.smtpUrl, config.smtpFrom) : undefined,
      SMS: config.smsGateway
        ? new SmsSender(config.smsGateway.url, config.smsGateway.key)
        : undefined,
    }),
    noticeDesk: new NoticeDeskService(audit),
  }),
  resolvers: ({ noticeDesk }) => [new DeliveryResolver(noticeDesk)],
});
