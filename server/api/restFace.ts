import type { Context } from "./trpc";
import { appRouter, createCaller } from "./root";

/**
 * The router the /api/v1 handler (trpc-to-openapi) is given, so that the REST face never changes the schemas tRPC
 * parses with. The library coerces values by setting `coerce = true` on the input schema's number, boolean and
 * date fields in place (`coerceSchema`, on every request): handed appRouter, one REST call would make tRPC read
 * `{ id: true }` as user 1 and `{ id: [3] }` as 3, for every procedure sharing those field schemas.
 *
 * So the handler gets copies: each openapi procedure with a deep copy of its input schema (the library may mutate
 * those; they route requests and describe them, nothing parses with them), and a caller that converts the values
 * that arrive as text (path parameters; for GET and DELETE the query too) by the real schema — whole decimal
 * numbers, "true" and "false" — then calls the real procedure, which parses them strictly like any tRPC call.
 */

type ZodLike = { _zod: { def: Record<string, unknown> }; clone: (def: object) => ZodLike };
type ProcedureNode = { _def: { inputs: unknown[]; meta?: { openapi?: { method: string; path: string } } } };

const isSchema = (value: unknown): value is ZodLike => !!value && typeof value === "object" && "_zod" in value;

/** A copy of `def` with some properties replaced (getters, such as an object's lazy shape, are copied as getters). */
const withProps = (def: object, props: Record<string, unknown>) =>
  Object.defineProperties(
    {},
    {
      ...Object.getOwnPropertyDescriptors(def),
      ...Object.fromEntries(
        Object.entries(props).map(([k, value]) => [k, { value, enumerable: true, writable: true, configurable: true }]),
      ),
    },
  );

/**
 * A copy of the schema down every path the library's coercion walks (object fields, array elements, optional,
 * nullable, default, prefault, lazy), with leaf definitions of their own; what it never walks (pipes, unions) is
 * shared, since nothing is written there.
 */
export function deepCopy<T>(schema: T): T {
  if (!isSchema(schema)) return schema;
  const def = schema._zod.def;
  switch (def.type) {
    case "object":
      return schema.clone(
        withProps(def, { shape: Object.fromEntries(Object.entries(def.shape as object).map(([key, field]) => [key, deepCopy(field)])) }),
      ) as T;
    case "array":
      return schema.clone(withProps(def, { element: deepCopy(def.element) })) as T;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
      return schema.clone(withProps(def, { innerType: deepCopy(def.innerType) })) as T;
    case "lazy": {
      const getter = def.getter as () => unknown;
      let copy: unknown;
      return schema.clone(withProps(def, { getter: () => (copy ??= deepCopy(getter())) })) as T;
    }
    case "number":
    case "boolean":
    case "bigint":
    case "date":
      return schema.clone(withProps(def, {})) as T;
    default:
      return schema;
  }
}

/** The schema under optional/nullable/default/prefault wrappers, and a pipe's input side. */
function base(schema: unknown): ZodLike | null {
  let current = schema;
  while (isSchema(current)) {
    const def = current._zod.def;
    if (["optional", "nullable", "default", "prefault", "readonly"].includes(def.type as string)) current = def.innerType;
    else if (def.type === "pipe") current = def.in;
    else return current;
  }
  return null;
}

/** A text value as the field's type wants it; anything that does not read cleanly stays text, for the schema to refuse. */
function fromText(field: unknown, value: unknown): unknown {
  const type = base(field)?._zod.def.type;
  if (type === "array") {
    const element = base(field)!._zod.def.element;
    return (Array.isArray(value) ? value : [value]).map((item) => fromText(element, item));
  }
  if (typeof value !== "string") return value;
  if (type === "number" && /^-?\d{1,15}(\.\d{1,15})?$/.test(value)) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

/** The input of a REST request with its text values converted; `textKeys` null: every key came as text. */
function converted(schema: unknown, input: unknown, textKeys: readonly string[] | null): unknown {
  const shape = base(schema)?._zod.def.shape as Record<string, unknown> | undefined;
  if (!shape || !input || typeof input !== "object") return input;
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => [
      key,
      key in shape && (textKeys === null || textKeys.includes(key)) ? fromText(shape[key], value) : value,
    ]),
  );
}

/**
 * `after` is the name the id-paged lists gave their cursor before every list took `cursor`: REST clients written
 * then keep working, as the README documents. tRPC callers use `cursor` only.
 */
function withCursorAlias(schema: unknown, input: unknown): unknown {
  const shape = base(schema)?._zod.def.shape as Record<string, unknown> | undefined;
  if (!shape || !("cursor" in shape) || "after" in shape || !input || typeof input !== "object" || !("after" in input)) return input;
  const { after, ...rest } = input as Record<string, unknown>;
  return "cursor" in rest ? rest : { ...rest, cursor: after };
}

const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureNode>;
const openapiPaths = Object.keys(procedures).filter((path) => procedures[path]!._def.meta?.openapi);

type Node = { [key: string]: Node | ((input: unknown) => Promise<unknown>) };

/** The caller the handler gets: each openapi path converts its input, then calls the real procedure. */
function restCaller(ctx: Context) {
  const real = createCaller(ctx) as unknown as Node;
  const caller: Node = {};
  for (const path of openapiPaths) {
    const keys = path.split(".");
    const name = keys.pop()!;
    const { inputs, meta } = procedures[path]!._def;
    const { method, path: route } = meta!.openapi!;
    const textKeys = ["GET", "DELETE"].includes(method) ? null : [...route.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const target = keys.reduce((node, key) => node[key] as Node, real)[name] as (input: unknown) => Promise<unknown>;
    keys.reduce((node, key) => (node[key] ??= {}) as Node, caller)[name] = (input: unknown) =>
      target(converted(inputs[0], withCursorAlias(inputs[0], input), textKeys));
  }
  return caller;
}

/** What createOpenApiFetchHandler gets instead of appRouter (it reads `_def.procedures` and calls `createCaller`). */
export const restRouter = {
  ...appRouter,
  _def: {
    ...appRouter._def,
    procedures: Object.fromEntries(
      openapiPaths.map((path) => {
        const procedure = procedures[path]!;
        return [path, { ...procedure, _def: { ...procedure._def, inputs: procedure._def.inputs.map(deepCopy) } }];
      }),
    ),
  },
  createCaller: restCaller,
} as unknown as typeof appRouter;
