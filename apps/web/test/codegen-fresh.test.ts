import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Like test/schema.spec.ts for the schema: fails while apps/web/src/gql is stale (run `npm run codegen`).
const root = join(__dirname, '..', '..', '..');
const committed = join(root, 'apps', 'web', 'src', 'gql');
// Inside the repository, so Prettier formats the fresh files with the same configuration.
const fresh = mkdtempSync(join(root, 'apps', 'web', '.codegen-check-'));

describe('generated GraphQL types', () => {
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('match a fresh generation from docs/schema.graphql and the operations', () => {
    execFileSync(process.execPath, [join(root, 'node_modules', '.bin', 'graphql-codegen'), '--config', 'apps/web/codegen.ts', '--silent'], {
      cwd: root,
      env: { ...process.env, CODEGEN_OUT: `${fresh}/` },
      stdio: 'pipe',
    });
    const files = readdirSync(committed).sort();
    expect(readdirSync(fresh).sort()).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(fresh, file), 'utf8'), `${file} is stale: run npm run codegen`).toBe(
        readFileSync(join(committed, file), 'utf8'),
      );
    }
  }, 120_000);
});
