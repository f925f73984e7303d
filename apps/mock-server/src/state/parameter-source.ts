/**
 * What urlencoded parameters were read from: enough to read them again, exactly. The request journal keeps
 * this instead of the parsed map (much smaller; the bytes live outside the JavaScript heap) and has the
 * parameters read again only when an entry is shown.
 */
export interface ParameterSource {
  readonly query: string;
  /** The urlencoded body, or null when the parameters came from the query alone. */
  readonly body: Uint8Array | null;
}

/** Reads parameters again from their source: the same map as the first time. */
export type ParameterReader = (source: ParameterSource) => Record<string, string>;

/**
 * Set on a `params` map read from a query and/or a urlencoded body: where it came from. A non-enumerable
 * symbol, so it is no parameter: `Object.keys`, `for…in`, spreads, `in` with a string and JSON never see it.
 */
export const parameterSource: unique symbol = Symbol('parameterSource');

type ParamsWithSource = Record<string, string> & { [parameterSource]?: ParameterSource };

/** Where `params` came from, when it was read from a query and/or a urlencoded body. */
export function parameterSourceOf(params: Readonly<Record<string, string>>): ParameterSource | undefined {
  return (params as ParamsWithSource)[parameterSource];
}
