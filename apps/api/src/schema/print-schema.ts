import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { writeFileSync } from 'fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { SCHEMA_FILE } from '../app.module';
import { RESOLVERS } from '../resolvers';
import { LocalDateScalar } from '../graphql/scalars';
import { JsonScalar } from '../history/history.model';

export const SCHEMA_HEADER = '# Generated from code by `npm run schema`; do not edit. Checked by test/schema.spec.ts.\n\n';

/** The GraphQL SDL of the API, built from the code-first decorators without starting anything. */
export async function generateSchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS, [LocalDateScalar, JsonScalar]);
    return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  generateSchemaSdl()
    .then((sdl) => {
      writeFileSync(SCHEMA_FILE, sdl);
      console.log(`Wrote ${SCHEMA_FILE}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
