import { Tx } from '@opvolging/database';
import { DomainEvent } from '@opvolging/shared';
import { Investigation } from './investigation.entity';

export const INVESTIGATION_PUBLISHED = 'investigation.published';

/** Raised inside the publishing transaction; the plans context creates one plan per addressee. */
export interface InvestigationPublished {
  investigation: Investigation;
  addresseeIds: string[];
}

export type InvestigationPublishedEvent = DomainEvent<typeof INVESTIGATION_PUBLISHED, InvestigationPublished>;
export type { Tx };
