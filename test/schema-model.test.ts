import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../src/engine/validate-report.js';
import { REPO_ROOT } from './helpers/shared.js';

// Keeps schema/report.schema.json in step with src/core/model.ts: the same properties, the same required ones,
// the same enum values. When a field is added to the model, this test names it.

interface SchemaObject {
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  enum?: string[];
  oneOf?: SchemaObject[];
  $ref?: string;
}

const MODEL = join(REPO_ROOT, 'src', 'core', 'model.ts');
let checker: ts.TypeChecker;
let exported: Map<string, ts.Symbol>;
const schema = reportSchema() as unknown as SchemaObject & { $defs: Record<string, SchemaObject> };

beforeAll(() => {
  const program = ts.createProgram([MODEL], { strict: true, exactOptionalPropertyTypes: true, noEmit: true });
  checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(MODEL)!)!;
  exported = new Map(checker.getExportsOfModule(module).map((s) => [s.name, s]));
});

function modelType(name: string): ts.Type {
  const symbol = exported.get(name);
  if (!symbol) throw new Error(`model.ts exports no ${name}`);
  return checker.getDeclaredTypeOfSymbol(symbol);
}

/** The object type inside `T | null` or `T[]`. */
function unwrap(type: ts.Type): ts.Type {
  const nonNull = type.isUnion()
    ? type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
    : [type];
  const single = nonNull.length === 1 ? nonNull[0]! : type;
  return checker.isArrayType(single) ? unwrap(checker.getTypeArguments(single as ts.TypeReference)[0]!) : single;
}

function shapeOfType(type: ts.Type): { properties: string[]; required: string[] } {
  const props = checker.getPropertiesOfType(type);
  return {
    properties: props.map((p) => p.name).sort(),
    required: props
      .filter((p) => !(p.flags & ts.SymbolFlags.Optional))
      .map((p) => p.name)
      .sort(),
  };
}

function resolve(node: SchemaObject): SchemaObject {
  if (node.$ref) return resolve(schema.$defs[node.$ref.replace('#/$defs/', '')]!);
  if (node.items) return resolve(node.items);
  const object = node.oneOf?.find((o) => o.properties || o.$ref);
  return object ? resolve(object) : node;
}

function shapeOfSchema(node: SchemaObject): { properties: string[]; required: string[] } {
  const resolved = resolve(node);
  return { properties: Object.keys(resolved.properties ?? {}).sort(), required: [...(resolved.required ?? [])].sort() };
}

function propertyType(type: ts.Type, name: string): ts.Type {
  const symbol = checker.getPropertyOfType(type, name);
  if (!symbol) throw new Error(`no property ${name}`);
  return unwrap(checker.getTypeOfSymbol(symbol));
}

const DEFS: [string, string][] = [
  ['Span', 'Span'],
  ['Citation', 'Citation'],
  ['Diagnostic', 'Diagnostic'],
  ['DateValue', 'DateValue'],
  ['Removal', 'Removal'],
  ['Embed', 'Embed'],
  ['Article', 'ReportArticle'],
  ['InputFailure', 'InputFailure'],
  ['EntityMention', 'EntityMention'],
  ['Entity', 'Entity'],
  ['Speaker', 'Speaker'],
  ['Quote', 'Quote'],
  ['NumberMention', 'NumberMention'],
  ['DateMention', 'DateMention'],
  ['TimelineEvent', 'TimelineEvent'],
  ['Fact', 'Fact'],
  ['DifferenceClaim', 'DifferenceClaim'],
  ['Difference', 'Difference'],
  ['Omission', 'Omission'],
  ['Framing', 'Framing'],
  ['Summary', 'Summary'],
];

describe('the report schema matches model.ts', () => {
  it.each(DEFS)('$defs/%s has the properties of %s', (def, type) => {
    expect(shapeOfSchema(schema.$defs[def]!)).toEqual(shapeOfType(modelType(type)));
  });

  it('the root, story and generator match Report', () => {
    const report = modelType('Report');
    expect(shapeOfSchema(schema)).toEqual(shapeOfType(report));
    for (const name of ['story', 'generator']) {
      expect(shapeOfSchema(schema.properties![name]!)).toEqual(shapeOfType(propertyType(report, name)));
    }
  });

  it('nested objects of Framing, Summary and Speaker match', () => {
    const pairs: [string, string, string][] = [
      ['Framing', 'Framing', 'descriptors'],
      ['Framing', 'Framing', 'chargedTerms'],
      ['Framing', 'Framing', 'distinctiveTerms'],
      ['Framing', 'Framing', 'quoted'],
      ['Summary', 'Summary', 'sentences'],
      ['Speaker', 'Speaker', 'mention'],
    ];
    for (const [def, type, prop] of pairs) {
      const node = schema.$defs[def]!.properties![prop]!;
      expect({ prop, ...shapeOfSchema(node) }).toEqual({ prop, ...shapeOfType(propertyType(modelType(type), prop)) });
    }
  });

  it.each([
    ['RemovalReason', schema.$defs.RemovalReason!.enum!],
    ['EntityType', schema.$defs.Entity!.properties!.type!.enum!],
    ['QuoteKind', schema.$defs.Quote!.properties!.kind!.enum!],
    ['DatePrecision', schema.$defs.DateMention!.properties!.precision!.enum!],
  ])('the values of %s match', (name, values) => {
    const type = modelType(name);
    const literals = (type.isUnion() ? type.types : [type]).map((t) => (t as ts.StringLiteralType).value);
    expect([...values].sort()).toEqual(literals.sort());
  });
});
