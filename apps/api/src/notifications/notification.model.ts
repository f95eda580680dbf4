import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { DeadlineKind } from '@opvolging/deadlines';
import { Connection } from '../graphql/pagination.model';
import { LocalDate } from '../graphql/scalars';

export enum NotificationMode {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
}
registerEnumType(NotificationMode, { name: 'NotificationMode', description: 'One mail per notification, or one mail a day listing them.' });

@ObjectType('Notification', { description: 'A reminder or overdue notice, in your language.' })
export class NotificationType {
  @Field(() => ID) id: string;
  @Field(() => DeadlineKind) kind: DeadlineKind;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) readAt: Date | null;
}

@ObjectType()
export class NotificationConnection extends Connection(NotificationType, 'Notification') {}

@ObjectType()
export class NotificationSubject {
  @Field(() => ID) investigationId: string;
  @Field(() => ID, { description: 'The plan, measure, audit or investigation.' }) subjectId: string;
  @Field(() => LocalDate) dueDate: string;
}

@ObjectType()
export class CalendarFeed {
  @Field({ description: 'Secret URL of your iCalendar feed; shown once. Creating a new one revokes the old.' }) url: string;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'Leave out to mark all as read.' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) ids?: string[];
}

@InputType()
export class MyPreferencesInput {
  @Field({ nullable: true, description: 'nl (default) or en.' }) @IsOptional() @IsIn(['nl', 'en']) locale?: 'nl' | 'en';
  @Field(() => NotificationMode, { nullable: true }) @IsOptional() @IsIn(Object.values(NotificationMode)) notificationMode?: NotificationMode;
}

@InputType()
export class NotificationFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() unreadOnly?: boolean;
}
