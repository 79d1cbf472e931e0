import { z } from 'zod';

/** Thrown when a data file does not have the shape the atlas needs; the message names the file. */
export class AtlasDataError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'AtlasDataError';
  }
}

/** Parses `value` with `schema`, throwing an {@link AtlasDataError} that names `file` and every problem. */
export function parseDataFile<S extends z.ZodType>(file: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AtlasDataError(file, z.prettifyError(result.error));
}
