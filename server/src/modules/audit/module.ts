import { defineModule } from '../../app-module.js';
import { AuditChainHead } from './audit-chain-head.entity.js';
import { AuditRecord } from './audit-record.entity.js';
import { AuditRecordConnectionResolver, AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditRecord, AuditChainHead],
  services: () => ({ audit: new AuditService() }),
  resolvers: ({ audit }) => [new AuditResolver(audit), new AuditRecordConnectionResolver()],
});
