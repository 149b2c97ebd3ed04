import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import of a module: the file it names (resolved, `.ts`) and whether it is erased at run time. */
export interface ImportEdge {
  to: string;
  typeOnly: boolean;
}

/** Every `.ts` file under a folder, as paths relative to `root` with `/` separators, sorted. */
export function sourceFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(toPosix(relative(root, path)));
    }
  };
  walk(join(root, folder));
  return out.sort();
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  // `import { type A, type B } from` is erased too; a default or namespace import is not.
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

/** One module name a file imports: erased at run time (type-only), or loaded only when reached (`import()`). */
export interface ModuleImport {
  specifier: string;
  typeOnly: boolean;
  dynamic: boolean;
}

/** The module names a file imports or re-exports (static, and dynamic `import()` with a literal). */
export function importsOf(text: string, fileName: string): ModuleImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: ModuleImport[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnlyImport(node), dynamic: false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, dynamic: false });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false, dynamic: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The import graph of the given files (paths relative to `root`): each file's relative imports resolved to the `.ts`
 * file they name (NodeNext: `./x.js` is `./x.ts`). Package imports and assets are left out; they cannot close a cycle.
 */
export function importGraph(root: string, files: readonly string[]): Map<string, ImportEdge[]> {
  const graph = new Map<string, ImportEdge[]>();
  for (const file of files) {
    const absolute = join(root, file);
    const edges = importsOf(readFileSync(absolute, 'utf8'), absolute)
      // Stylesheets and JSON files imported by the web page are assets, not modules of the graph.
      .filter((i) => i.specifier.startsWith('.') && /\.[jt]s$/.test(i.specifier))
      .map((i) => ({
        to: toPosix(relative(root, resolve(dirname(absolute), i.specifier))).replace(/\.js$/, '.ts'),
        typeOnly: i.typeOnly,
      }));
    graph.set(file, edges);
  }
  return graph;
}

/** The import cycles of a graph: its strongly connected parts of more than one file (Tarjan), each sorted. */
export function importCycles(graph: ReadonlyMap<string, readonly ImportEdge[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        connect(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(v, Math.min(low.get(v)!, index.get(to)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      part.push(w);
    } while (w !== v);
    const selfLoop = (graph.get(v) ?? []).some((e) => e.to === v);
    if (part.length > 1 || selfLoop) cycles.push(part.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) connect(file);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
