import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, messageSets } from './catalog';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('every set has the same keys in Dutch and English, none empty', () => {
    for (const [name, set] of Object.entries(messageSets)) {
      expect(Object.keys(set.en).sort(), `${name}: keys in en`).toEqual(Object.keys(set.nl).sort());
      for (const [key, text] of [...Object.entries(set.nl), ...Object.entries(set.en)]) expect(text.trim(), `${name}: ${key}`).not.toBe('');
    }
  });

  it('no key is defined by two sets', () => {
    const seen = new Map<string, string>();
    for (const [name, set] of Object.entries(messageSets)) {
      for (const key of Object.keys(set.nl)) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  it('every feature with a messages file is in the catalog', async () => {
    const features = join(__dirname, '..', 'features');
    const sets = new Set(Object.values(messageSets));
    for (const feature of readdirSync(features)) {
      const file = join(features, feature, 'messages.ts');
      try {
        statSync(file);
      } catch {
        continue;
      }
      const exported = Object.values((await import(/* @vite-ignore */ file)) as Record<string, unknown>);
      expect(
        exported.some((s) => sets.has(s as never)),
        `features/${feature}/messages.ts is not listed in app/catalog.ts`,
      ).toBe(true);
    }
  });

  it("every literal key used with t('…') exists in both languages", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(join(__dirname, '..'))) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt[a-z]?\('([a-zA-Z0-9_.]+)'/g)) {
        if (!(key in catalog.nl) || !(key in catalog.en)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
