import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { EventKind } from '@opvolging/shared';
import { Connection } from '../graphql/pagination.model';
import { LocalDate } from '../graphql/scalars';

export enum NotificationMode {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
}
registerEnumType(NotificationMode, { name: 'NotificationMode', description: 'One mail per notification, or one mail a day listing them.' });

registerEnumType(EventKind, {
  name: 'NotificationEvent',
  description: 'A step of the process that people are told about (event notifications).',
});

@ObjectType('Notification', { description: 'A reminder or overdue notice, or a step of the process you are told about, in your language.' })
export class NotificationType {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) readAt: Date | null;
}

@ObjectType()
export class NotificationConnection extends Connection(NotificationType, 'Notification') {}

@ObjectType()
export class NotificationSubject {
  @Field(() => ID) investigationId: string;
  @Field(() => ID, { description: 'The plan, measure, audit, investigation, extension request or enforcement measure.' }) subjectId: string;
  @Field(() => LocalDate, { nullable: true, description: 'The due date of a deadline notice; null for an event.' }) dueDate: string | null;
}

@ObjectType()
export class CalendarFeed {
  @Field({ description: 'Secret URL of your iCalendar feed; shown once. Creating a new one revokes the old.' }) url: string;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'Leave out to mark all as read.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}

@InputType()
export class MyPreferencesInput {
  @Field({ nullable: true, description: 'nl (default) or en.' }) @IsOptional() @IsIn(['nl', 'en']) locale?: 'nl' | 'en';
  @Field(() => NotificationMode, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(NotificationMode))
  notificationMode?: NotificationMode;
  @Field(() => [EventKind], {
    nullable: true,
    description: 'Event kinds you receive no mail for (in-app only); replaces the list. Deadline notices cannot be turned off.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(EventKind, { each: true })
  mutedEventKinds?: EventKind[];
}

@InputType()
export class NotificationFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() unreadOnly?: boolean;
}
