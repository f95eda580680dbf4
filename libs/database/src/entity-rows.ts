import { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** How a column's JSON value (as `json_build_object` writes it) becomes the value TypeORM would hydrate. */
type FromJson = (value: unknown) => unknown;

const TIMESTAMP_TYPES = new Set(['timestamptz', 'timestamp with time zone', 'timestamp', 'timestamp without time zone']);
/**
 * Column types whose value TypeORM's PostgreSQL driver changes when it hydrates (the branches of
 * `PostgresDriver.prepareHydratedValue`); a value of any other type, and null, it passes on as pg
 * parsed it, so `fromRaw` does too without the call (test/e2e/entity-rows.e2e-spec.ts holds both equal).
 */
const HYDRATED_TYPES = new Set<unknown>([
  Boolean,
  Number,
  Date,
  'datetime',
  'timestamp',
  'timestamp with time zone',
  'timestamp without time zone',
  'date',
  'time',
  'vector',
  'halfvec',
  'hstore',
  'simple-array',
  'simple-json',
  'cube',
  'enum',
  'simple-enum',
]);
/** Types PostgreSQL writes as JSON numbers but pg (and so TypeORM) hands over as strings. */
const STRING_NUMBER_TYPES = new Set(['numeric', 'decimal', 'bigint', 'int8']);

function fromJson(column: ColumnMetadata): FromJson {
  const type = typeof column.type === 'string' ? column.type : '';
  if (TIMESTAMP_TYPES.has(type)) return (v) => (v === null ? null : new Date(v as string));
  if (STRING_NUMBER_TYPES.has(type)) return (v) => (v === null ? null : String(v));
  return (v) => v;
}

interface Column {
  property: string;
  sql: string;
  metadata: ColumnMetadata;
  fromJson: FromJson;
  /** Whether the driver changes a raw value of this column (see HYDRATED_TYPES). */
  hydrated: boolean;
}

/**
 * An entity's rows as plain objects, without TypeORM's result transformer (which, for a query
 * without joins, groups rows by primary key and looks up every column's alias per row):
 *
 * - `fromRaw(rows, alias)`: the raw rows of a `SelectQueryBuilder` on the entity as `alias`, each
 *   value through the driver's `prepareHydratedValue` as TypeORM hydrates it.
 * - `jsonObject(alias)` and `fromJson(values)`: the rows inside another statement as JSON (a
 *   `json_build_object` of every column under its property name, for `json_agg` in a correlated
 *   subquery: one statement for a page and the rows nested under each of its rows) and back.
 *
 * Either way the result is what TypeORM would have hydrated from the same rows: instances of the
 * entity class, timestamps as Date, dates as 'YYYY-MM-DD', bigint and numeric as strings,
 * `select: false` columns left out, so everything downstream sees no difference. One definition
 * per entity, built from TypeORM's metadata; entities with embedded columns, value transformers or
 * relation columns are refused.
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly columns: Column[];
  private readonly prototype: object;
  private readonly aliases = new Map<string, string[]>();
  private readonly selects = new Map<string, string>();
  private readonly table: string;

  constructor(
    private readonly source: Pick<DataSource, 'driver'>,
    metadata: EntityMetadata,
  ) {
    const unsupported = metadata.columns.find((c) => c.embeddedMetadata || c.transformer || c.relationMetadata);
    if (unsupported) throw new Error(`EntityRows: ${metadata.name}.${unsupported.propertyName} is embedded, transformed or a relation`);
    // Columns TypeORM leaves out of reads (`select: false`, e.g. a password hash) stay out here too.
    this.columns = metadata.columns
      .filter((c) => c.isSelect)
      .map((c) => ({
        property: c.propertyName,
        sql: c.databaseName,
        metadata: c,
        fromJson: fromJson(c),
        hydrated: HYDRATED_TYPES.has(c.type),
      }));
    this.prototype = (metadata.target as { prototype: object }).prototype;
    this.table = metadata.tablePath;
  }

  /**
   * `SELECT "alias"."id" AS "alias_id", … FROM table "alias"`: what a query builder on the entity as
   * `alias` reads, as text built once, for hot statements whose shape never changes (the token
   * check, the loaders by id); `fromRaw(rows, alias)` makes their entities.
   */
  selectFrom(alias: string): string {
    let select = this.selects.get(alias);
    if (!select) {
      const keys = this.keys(alias);
      const columns = this.columns.map((c, i) => `"${alias}"."${c.sql}" AS "${keys[i]}"`);
      this.selects.set(alias, (select = `SELECT ${columns.join(', ')} FROM "${this.table}" "${alias}"`));
    }
    return select;
  }

  private keys(alias: string): string[] {
    let keys = this.aliases.get(alias);
    if (!keys)
      this.aliases.set(alias, (keys = this.columns.map((c) => DriverUtils.buildAlias(this.source.driver, undefined, alias, c.sql))));
    return keys;
  }

  fromRaw(rows: ReadonlyArray<Record<string, unknown>>, alias: string): T[] {
    const keys = this.keys(alias);
    const driver = this.source.driver;
    const columns = this.columns;
    return rows.map((row) => {
      const entity = Object.create(this.prototype) as Record<string, unknown>;
      for (let i = 0; i < columns.length; i++) {
        const value = row[keys[i]];
        if (value === undefined) continue;
        const c = columns[i];
        entity[c.property] = value !== null && c.hydrated ? driver.prepareHydratedValue(value, c.metadata) : value;
      }
      return entity as T;
    });
  }

  /**
   * `json_build_object('id', alias.id, 'planId', alias.plan_id, …)`: every column, or only those
   * of `properties` (a partial entity, for a caller that knows what will be read of it).
   */
  jsonObject(alias: string, properties?: ReadonlySet<string>): string {
    const columns = properties ? this.columns.filter((c) => properties.has(c.property)) : this.columns;
    return `json_build_object(${columns.map((c) => `'${c.property}', ${alias}.${c.sql}`).join(', ')})`;
  }

  /** The entities of `jsonObject`'s values; a property the object left out stays out. */
  fromJson(values: ReadonlyArray<Record<string, unknown>>): T[] {
    const columns = this.columns;
    return values.map((value) => {
      const entity = Object.create(this.prototype) as Record<string, unknown>;
      for (const c of columns) {
        const v = value[c.property];
        if (v !== undefined) entity[c.property] = c.fromJson(v);
      }
      return entity as T;
    });
  }

  /** Whether the entity has a column (read and written) under this property name. */
  hasProperty(property: string): boolean {
    return this.columns.some((c) => c.property === property);
  }
}

const cache = new WeakMap<EntityMetadata, EntityRows<ObjectLiteral>>();

/** The `EntityRows` of an entity (built once per entity). */
export function entityRows<T extends ObjectLiteral>(
  source: Pick<DataSource, 'getMetadata' | 'driver'>,
  target: EntityTarget<T>,
): EntityRows<T> {
  const metadata = source.getMetadata(target);
  let rows = cache.get(metadata);
  if (!rows) cache.set(metadata, (rows = new EntityRows(source, metadata)));
  return rows as EntityRows<T>;
}

/**
 * `getRawAndEntities` of a query on one entity without joins, the entities made by `EntityRows`
 * instead of TypeORM's result transformer: pages (`paginate`), loader batches (`batchRead`), the token check.
 */
export async function rawAndEntities<T extends ObjectLiteral>(
  em: EntityManager,
  qb: SelectQueryBuilder<T>,
): Promise<{ raw: Array<Record<string, unknown>>; entities: T[] }> {
  const main = qb.expressionMap.mainAlias;
  if (!main?.hasMetadata || qb.expressionMap.joinAttributes.length) throw new Error('rawAndEntities reads one entity without joins');
  const raw: Array<Record<string, unknown>> = await qb.getRawMany();
  return { raw, entities: entityRows<T>(em.connection, main.metadata.target as EntityTarget<T>).fromRaw(raw, main.name) };
}
