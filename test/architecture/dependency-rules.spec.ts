import { execFile } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { promisify } from 'util';

/**
 * The dependency rules (.dependency-cruiser.cjs) must really refuse what they forbid: each case
 * builds a small tree in a temporary directory and runs dependency-cruiser on it with our rules.
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const run = promisify(execFile);

async function cruise(files: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'opvolging-depcruise-'));
  try {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { stdout } = await run(process.execPath, [BIN, '--config', CONFIG, '--output-type', 'err', 'libs'], { cwd: dir });
    return { ok: true, output: stdout };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failure.code !== 'number') throw error;
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('dependency rules', () => {
  it('accept a downward import', async () => {
    const result = await cruise({
      'libs/plans/src/index.ts': "import { x } from '../../database/src';\nexport const y = x;\n",
      'libs/database/src/index.ts': 'export const x = 1;\n',
    });
    expect(result).toEqual({ ok: true, output: expect.any(String) });
  });

  it('refuse an upward import (database importing a domain library)', async () => {
    const result = await cruise({
      'libs/database/src/index.ts': "import { y } from '../../plans/src';\nexport const x = y;\n",
      'libs/plans/src/index.ts': 'export const y = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('layer-database');
  });

  it('refuse a cycle inside one library', async () => {
    const result = await cruise({
      'libs/plans/src/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'libs/plans/src/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('no-circular');
  });

  it('refuse a library importing the migrations, and a path into another library', async () => {
    const result = await cruise({
      'libs/database/src/index.ts': "import { m } from '../../../migrations';\nexport const x = m;\n",
      'migrations/index.ts': 'export const m = [];\n',
      'libs/plans/src/index.ts': "import { z } from '../../investigations/src/inner';\nexport const y = z;\n",
      'libs/investigations/src/inner.ts': 'export const z = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('libs-not-above');
    expect(result.output).toContain('public-entry-only');
  });

  it('refuse an import from a library that has no layer', async () => {
    const result = await cruise({
      'libs/newthing/src/index.ts': "import { x } from '../../shared/src';\nexport const y = x;\n",
      'libs/shared/src/index.ts': 'export const x = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('libs-known');
  });

  it('are the layers docs/ARCHITECTURE.md shows (npm run layers prints them)', () => {
    const { picture } = require(join(ROOT, 'scripts', 'layers-picture.cjs')) as { picture: () => string };
    const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
    const shown = /<!-- layers:begin -->\n([\s\S]*?)\n<!-- layers:end -->/.exec(doc)?.[1];
    expect(shown).toBe(picture());
  });

  it('give every library of the tree a layer', () => {
    const { LAYERS } = require(CONFIG) as { LAYERS: string[][] };
    const libraries = readdirSync(join(ROOT, 'libs')).sort();
    expect([...LAYERS.flat()].sort()).toEqual(libraries);
  });
});
