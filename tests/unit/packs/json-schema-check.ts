/**
 * A tiny JSON Schema (2020-12) checker for exactly the keywords data/pack.schema.json uses, so
 * the published schema can be tested against the valibot one without a validator dependency.
 * Returns the paths of the failures; an unknown keyword throws, so the schema cannot grow a rule
 * this checker silently ignores.
 */
type Schema = Keywords | boolean;

interface Keywords {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema;
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  maxProperties?: number;
  items?: Schema;
  pattern?: string;
  propertyNames?: Schema;
  allOf?: Schema[];
  not?: Schema;
}

const KNOWN = new Set([
  '$schema',
  '$id',
  '$defs',
  '$ref',
  'title',
  'description',
  'type',
  'required',
  'properties',
  'additionalProperties',
  'const',
  'enum',
  'minLength',
  'maxLength',
  'maxItems',
  'maxProperties',
  'items',
  'pattern',
  'propertyNames',
  'allOf',
  'not',
]);

const chars = (s: string) => [...s].length;

function typeOk(type: string, value: unknown): boolean {
  if (type === 'object')
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'integer') return Number.isInteger(value);
  return typeof value === type;
}

export function checkJsonSchema(root: unknown, value: unknown): string[] {
  let errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const path = ref.replace(/^#\//, '').split('/');
    return path.reduce(
      (node: unknown, key) => (node as Record<string, unknown>)[key],
      root,
    ) as Schema;
  };
  const visit = (schema: Schema, v: unknown, at: string): void => {
    if (schema === true) return;
    if (schema === false) return void errors.push(`${at}: not allowed`);
    for (const key of Object.keys(schema))
      if (!KNOWN.has(key)) throw new Error(`unknown keyword ${key}`);
    const s = schema;
    const fail = (why: string) => errors.push(`${at}: ${why}`);
    if (s.$ref) visit(resolve(s.$ref), v, at);
    if (s.type && !typeOk(s.type, v)) return void fail(`not ${s.type}`);
    if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(v)) fail('const');
    if (s.enum && !s.enum.includes(v)) fail('enum');
    if (typeof v === 'string') {
      if (s.minLength !== undefined && chars(v) < s.minLength) fail('minLength');
      if (s.maxLength !== undefined && chars(v) > s.maxLength) fail('maxLength');
      if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) fail('pattern');
    }
    if (Array.isArray(v)) {
      if (s.maxItems !== undefined && v.length > s.maxItems) fail('maxItems');
      const items = s.items;
      if (items !== undefined) {
        v.forEach((item, i) => {
          visit(items, item, `${at}[${i}]`);
        });
      }
    }
    if (typeOk('object', v)) {
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj);
      for (const key of s.required ?? []) if (!(key in obj)) fail(`required ${key}`);
      if (s.maxProperties !== undefined && keys.length > s.maxProperties) fail('maxProperties');
      for (const key of keys) {
        if (s.propertyNames) visit(s.propertyNames, key, `${at}{${key}}`);
        const known = s.properties?.[key];
        if (known !== undefined) visit(known, obj[key], `${at}.${key}`);
        else if (s.additionalProperties !== undefined)
          visit(s.additionalProperties, obj[key], `${at}.${key}`);
      }
    }
    for (const sub of s.allOf ?? []) visit(sub, v, at);
    if (s.not) {
      const outer = errors;
      errors = [];
      visit(s.not, v, at);
      const passed = errors.length === 0;
      errors = outer;
      if (passed) fail('not');
    }
  };
  visit(root as Schema, value, '$');
  return errors;
}
