import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ExportFormat, ExportStatus, ExportView } from '@opvolging/exports';
import { DeadlineFilterInput } from '../deadlines/deadline.model';
import { ImprovementPointFilterInput } from '../investigations/investigation.model';
import { PortfolioFilterInput } from '../overviews/overview.model';
import { MeasureFilterInput } from '../plans/plan.model';

registerEnumType(ExportView, {
  name: 'ExportView',
  description: 'What to export: an overview list (CSV or XLSX, as filtered) or the progress report of one investigation (PDF).',
  valuesMap: {
    MUNICIPALITY_OVERVIEW: {
      description: 'Municipality overview, one row per plan. Reviewers: their own municipality; inspectors: name one.',
    },
    PORTFOLIO: { description: "Inspectors: the inspectorate's portfolio, one row per plan, with portfolioFilter." },
    ORGANISATION_OVERVIEW: { description: "Organisation members: their organisation's plans." },
    THEMES: { description: 'Counts per recurring theme (fromYear, toYear).' },
    MEASURES: { description: 'Measures, with measureFilter.' },
    IMPROVEMENT_POINTS: { description: 'Improvement points, with improvementPointFilter.' },
    DEADLINES: { description: 'Open deadlines, with deadlineFilter.' },
    INVESTIGATION_PROGRESS: {
      description: 'PDF progress report of one investigation (investigationId), for a council letter or a publication.',
    },
  },
});
registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'CSV (UTF-8, semicolon-separated, for Dutch Excel) or XLSX for lists; PDF for the progress report.',
});
registerEnumType(ExportStatus, { name: 'ExportStatus', description: 'QUEUED → RUNNING → DONE or FAILED.' });

@ObjectType('Export', { description: 'A file made for you by the worker; only you can read or download it.' })
export class ExportType {
  @Field(() => ID) id: string;
  @Field(() => ExportView) view: ExportView;
  @Field(() => ExportFormat) format: ExportFormat;
  @Field(() => ExportStatus) status: ExportStatus;
  @Field(() => String, { nullable: true, description: 'Set when DONE.' }) filename: string | null;
  @Field(() => Int, { nullable: true, description: 'Set when DONE.' }) byteSize: number | null;
  @Field(() => Int, { nullable: true, description: 'Rows of the list (plans for the progress report); set when DONE.' }) rowCount:
    number | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it FAILED, in your language.' }) error: string | null;
}

@InputType()
export class RequestExportInput {
  @Field(() => ExportView) @IsEnum(ExportView) view: ExportView;
  @Field(() => ExportFormat) @IsEnum(ExportFormat) format: ExportFormat;
  @Field(() => ID, { nullable: true, description: 'MUNICIPALITY_OVERVIEW: the municipality (inspectors).' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;
  @Field(() => ID, { nullable: true, description: 'INVESTIGATION_PROGRESS: the investigation.' })
  @IsOptional()
  @IsUUID()
  investigationId?: string;
  @Field(() => PortfolioFilterInput, { nullable: true, description: 'PORTFOLIO.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortfolioFilterInput)
  portfolioFilter?: PortfolioFilterInput;
  @Field(() => MeasureFilterInput, { nullable: true, description: 'MEASURES.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeasureFilterInput)
  measureFilter?: MeasureFilterInput;
  @Field(() => ImprovementPointFilterInput, { nullable: true, description: 'IMPROVEMENT_POINTS.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImprovementPointFilterInput)
  improvementPointFilter?: ImprovementPointFilterInput;
  @Field(() => DeadlineFilterInput, { nullable: true, description: 'DEADLINES.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineFilterInput)
  deadlineFilter?: DeadlineFilterInput;
  @Field(() => Int, { nullable: true, description: 'THEMES: from this publication year.' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(9999)
  fromYear?: number;
  @Field(() => Int, { nullable: true, description: 'THEMES: up to this publication year.' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(9999)
  toYear?: number;
}
