import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, sourceFiles, type ImportEdge } from './helpers/import-graph.js';
import { REPO_ROOT } from './helpers/shared.js';

// No import cycle is allowed, type-only imports included: they tie the modules together all the same.
const files = [...sourceFiles(REPO_ROOT, 'src'), ...sourceFiles(REPO_ROOT, 'web/src')];
const graph = importGraph(REPO_ROOT, files);

/** The layer a source file belongs to, by folder. */
function layerOf(file: string): string {
  if (file.startsWith('web/')) return 'web';
  if (file === 'src/index.ts') return 'library';
  return file.split('/')[1] ?? 'unknown';
}

// What each layer may import besides itself (a lower layer never imports a higher one).
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: [],
  engine: ['core'],
  server: ['engine', 'core'],
  cli: ['server', 'engine', 'core'],
  web: ['core'],
  library: ['engine', 'core'],
};

// What each layer may import types from besides: the web page's typed client reads the server's HTTP contract.
const MAY_IMPORT_TYPES: Readonly<Record<string, readonly string[]>> = {
  web: ['server'],
};

describe('the import graph of src/ and web/src/', () => {
  it('is read from the sources (a sanity check of the walk)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('src/cli/main.ts')?.some((e) => e.to === 'src/cli/run-cli.ts')).toBe(true);
    for (const [file, edges] of graph) {
      for (const { to } of edges) expect(graph.has(to), `${file} imports ${to}, which is not a source file`).toBe(true);
    }
  });

  it('has no import cycle', () => {
    expect(importCycles(graph).map((c) => c.join(' <-> '))).toEqual([]);
  });

  it('never imports from a higher layer', () => {
    const wrong: string[] = [];
    for (const [file, edges] of graph) {
      const layer = layerOf(file);
      const allowed = MAY_IMPORT[layer];
      expect(allowed, `the layer of ${file}`).toBeDefined();
      for (const { to, typeOnly } of edges) {
        const target = layerOf(to);
        if (typeOnly && MAY_IMPORT_TYPES[layer]?.includes(target)) continue;
        if (target !== layer && !allowed?.includes(target)) wrong.push(`${file} (${layer}) imports ${to} (${target})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the cycle finder', () => {
  const edge = (to: string): ImportEdge => ({ to, typeOnly: false });

  it('finds a cycle through three files and a file that imports itself, and nothing in a chain', () => {
    const fictional = new Map<string, ImportEdge[]>([
      ['a.ts', [edge('b.ts')]],
      ['b.ts', [edge('c.ts')]],
      ['c.ts', [edge('a.ts'), edge('d.ts')]],
      ['d.ts', [edge('e.ts')]],
      ['e.ts', []],
      ['f.ts', [edge('f.ts')]],
    ]);
    expect(importCycles(fictional)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['f.ts']]);
  });
});
