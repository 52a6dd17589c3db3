// Written by `pnpm migration:create`: the migrations in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125153036_initial as M0 } from './Migration20261125153036_initial.js';
import { Migration20261125155846_login_throttle as M1 } from './Migration20261125155846_login_throttle.js';
import { Migration20261125160803_read_indexes as M2 } from './Migration20261125160803_read_indexes.js';
import { Migration20261202041521_security as M3 } from './Migration20261202041521_security.js';
import { Migration20261202095558_working_day_and_open_queue as M4 } from './Migration20261202095558_working_day_and_open_queue.js';
import { Migration20261202100338_compliance_rollups as M5 } from './Migration20261202100338_compliance_rollups.js';
import { Migration20261202101921_filing as M6 } from './Migration20261202101921_filing.js';
import { Migration20261202162826_notice_delivery as M7 } from './Migration20261202162826_notice_delivery.js';
import { Migration20261202170103_deadline_sweep as M8 } from './Migration20261202170103_deadline_sweep.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261125153036_initial', class: M0 },
  { name: 'Migration20261125155846_login_throttle', class: M1 },
  { name: 'Migration20261125160803_read_indexes', class: M2 },
  { name: 'Migration20261202041521_security', class: M3 },
  { name: 'Migration20261202095558_working_day_and_open_queue', class: M4 },
  { name: 'Migration20261202100338_compliance_rollups', class: M5 },
  { name: 'Migration20261202101921_filing', class: M6 },
  { name: 'Migration20261202162826_notice_delivery', class: M7 },
  { name: 'Migration20261202170103_deadline_sweep', class: M8 },
];
