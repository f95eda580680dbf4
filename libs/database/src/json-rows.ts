import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** How a column's JSON value (as `json_build_object` writes it) becomes the value TypeORM would hydrate. */
type FromJson = (value: unknown) => unknown;

const TIMESTAMP_TYPES = new Set(['timestamptz', 'timestamp with time zone', 'timestamp', 'timestamp without time zone']);
/** Types PostgreSQL writes as JSON numbers but pg (and so TypeORM) hands over as strings. */
const STRING_NUMBER_TYPES = new Set(['numeric', 'decimal', 'bigint', 'int8']);

function fromJson(column: ColumnMetadata): FromJson {
  const type = typeof column.type === 'string' ? column.type : '';
  if (TIMESTAMP_TYPES.has(type)) return (v) => (v === null ? null : new Date(v as string));
  if (STRING_NUMBER_TYPES.has(type)) return (v) => (v === null ? null : String(v));
  return (v) => v;
}

/**
 * An entity's rows inside another statement as JSON, and back as entities: `object(alias)` is a
 * `json_build_object` of every column under its property name, for `json_agg` in a correlated
 * subquery (one statement for a page and the rows nested under each of its rows, instead of a
 * statement per level); `entities` turns the parsed JSON into the objects TypeORM would have
 * hydrated from the same rows (an instance of the entity class, timestamps as Date, dates as
 * 'YYYY-MM-DD', bigint and numeric as strings, `select: false` columns left out), so everything
 * downstream sees no difference. One definition per entity, built from TypeORM's metadata;
 * entities with embedded columns, value transformers or relation columns are refused.
 */
export class JsonRows<T extends ObjectLiteral> {
  private readonly columns: Array<{ property: string; sql: string; from: FromJson }>;

  constructor(private readonly metadata: EntityMetadata) {
    const unsupported = metadata.columns.find((c) => c.embeddedMetadata || c.transformer || c.relationMetadata);
    if (unsupported) throw new Error(`JsonRows: ${metadata.name}.${unsupported.propertyName} is embedded, transformed or a relation`);
    // Columns TypeORM leaves out of reads (`select: false`, e.g. a password hash) stay out here too.
    this.columns = metadata.columns
      .filter((c) => c.isSelect)
      .map((c) => ({ property: c.propertyName, sql: c.databaseName, from: fromJson(c) }));
  }

  /** `json_build_object('id', alias.id, 'planId', alias.plan_id, …)`. */
  object(alias: string): string {
    return `json_build_object(${this.columns.map((c) => `'${c.property}', ${alias}.${c.sql}`).join(', ')})`;
  }

  entities(values: ReadonlyArray<Record<string, unknown>>): T[] {
    const prototype = (this.metadata.target as { prototype: object }).prototype;
    return values.map((value) => {
      const entity = Object.create(prototype) as Record<string, unknown>;
      for (const c of this.columns) entity[c.property] = c.from(value[c.property] ?? null);
      return entity as T;
    });
  }
}

const cache = new WeakMap<EntityMetadata, JsonRows<ObjectLiteral>>();

/** The `JsonRows` of an entity (built once per entity). */
export function jsonRows<T extends ObjectLiteral>(source: Pick<DataSource, 'getMetadata'>, target: EntityTarget<T>): JsonRows<T> {
  const metadata = source.getMetadata(target);
  let rows = cache.get(metadata);
  if (!rows) cache.set(metadata, (rows = new JsonRows(metadata)));
  return rows as JsonRows<T>;
}
