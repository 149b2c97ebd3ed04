import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from './helpers/import-graph.js';
import { REPO_ROOT } from './helpers/shared.js';

// An installed package has its `dependencies` only: a module of src/ that loads a development dependency at run time
// breaks `parallax start` (and the library) there. Vite is the one exception, loaded by `import()` only when the web
// page is not built (src/cli/build-web-page.ts); an installed package ships web/dist, so it never gets there.
const ALLOWED_DYNAMIC = new Map([['vite', 'src/cli/build-web-page.ts']]);

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const BUILTINS = new Set(builtinModules);

/** The package a bare module name belongs to (`@scope/name/sub` is `@scope/name`); null for files and built-ins. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return BUILTINS.has(name) ? null : name;
}

/** Every package the run-time code of src/ loads, as `package (file, how)`. */
function runtimePackages(): { name: string; file: string; dynamic: boolean }[] {
  return sourceFiles(REPO_ROOT, 'src').flatMap((file) =>
    importsOf(readFileSync(join(REPO_ROOT, file), 'utf8'), file)
      .filter((i) => !i.typeOnly)
      .flatMap((i) => {
        const name = packageOf(i.specifier);
        return name === null ? [] : [{ name, file, dynamic: i.dynamic }];
      }),
  );
}

describe('the run-time dependencies of src/', () => {
  const used = runtimePackages();

  it('are read from the sources (a sanity check of the walk)', () => {
    expect(used.some((u) => u.name === 'hono')).toBe(true);
    expect(packageOf('@hono/node-server/serve-static')).toBe('@hono/node-server');
    expect(packageOf('node:fs')).toBeNull();
  });

  it('are all in `dependencies`, but for Vite loaded on demand where the web page is built', () => {
    const wrong = used
      .filter((u) => !(u.name in pkg.dependencies))
      .filter((u) => !(u.dynamic && ALLOWED_DYNAMIC.get(u.name) === u.file))
      .map((u) => `${u.file} loads ${u.name}${u.name in pkg.devDependencies ? ' (a development dependency)' : ''}`);
    expect(wrong).toEqual([]);
  });

  it('load Vite only by `import()`, so that nothing else pulls it in', () => {
    const vite = used.filter((u) => u.name === 'vite');
    expect(vite.map((u) => `${u.file} ${u.dynamic ? 'import()' : 'static import'}`)).toEqual([
      'src/cli/build-web-page.ts import()',
    ]);
  });
});
