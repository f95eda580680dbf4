import { AUDITS_ENTITIES } from '@opvolging/audits';
import { DEADLINES_ENTITIES } from '@opvolging/deadlines';
import { ENFORCEMENT_ENTITIES } from '@opvolging/enforcement';
import { HISTORY_ENTITIES } from '@opvolging/history';
import { IDENTITY_ENTITIES } from '@opvolging/identity';
import { INVESTIGATIONS_ENTITIES } from '@opvolging/investigations';
import { NOTIFICATIONS_ENTITIES } from '@opvolging/notifications';
import { ORGANISATIONS_ENTITIES } from '@opvolging/organisations';
import { PLANS_ENTITIES } from '@opvolging/plans';
import { migrations } from '../../../migrations';

/**
 * What the processes put into their TypeORM data source. Assembled here, above the libraries, so
 * `libs/database` knows no domain library and no migration (the dependency rules hold it to that).
 */
export const ENTITIES = [
  ...ORGANISATIONS_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...INVESTIGATIONS_ENTITIES,
  ...PLANS_ENTITIES,
  ...AUDITS_ENTITIES,
  ...ENFORCEMENT_ENTITIES,
  ...DEADLINES_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...HISTORY_ENTITIES,
];

/** Every migration in order (`migrations/index.ts`). */
export const MIGRATIONS = migrations;
