import { readFileSync } from 'fs';
import { SCHEMA_FILE } from '../apps/api/src/app.module';
import { generateSchemaSdl } from '../apps/api/src/schema/print-schema';

describe('docs/schema.graphql', () => {
  it('is the schema the code generates (run `npm run schema` after changing the API)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await generateSchemaSdl());
  });
});
