import { applyDecorators } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';

/** A string with at least one non-space character (the database refuses blank texts too). */
export const NotBlank = () => applyDecorators(IsString(), Matches(/\S/, { message: '$property must not be blank' }));
