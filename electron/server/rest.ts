import { calls, type CallName } from '../../shared/contract';

interface CompiledRoute<N extends string = CallName> {
  method: string;
  pattern: RegExp;
  params: string[];
  call: N;
}

export type RestMatch<N extends string = CallName> = { call: N; params: Record<string, string> } | { allow: string[] };

/**
 * The REST addresses declared in a table of the contract (the calls by default, or the streams),
 * compiled once; two entries on one address throw.
 */
export function compileRestRoutes<N extends string = CallName>(table: Record<N, { rest?: string }> = calls as never): CompiledRoute<N>[] {
  const seen = new Set<string>();
  return (Object.entries(table) as [string, { rest?: string }][]).flatMap(([call, { rest }]) => {
    if (!rest) return [];
    const [method, path] = rest.split(' ') as [string, string];
    const shape = `${method} ${path.replace(/:\w+/g, ':')}`;
    if (seen.has(shape)) throw new Error(`Two calls share the REST route ${rest}`);
    seen.add(shape);
    const params: string[] = [];
    const source = path
      .split('/')
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        params.push(part.slice(1));
        return '([^/]+)';
      })
      .join('/');
    return [{ method, pattern: new RegExp(`^${source}$`), params, call: call as N }];
  });
}

/**
 * The call behind `method path`, with its path parameters; `{allow}` when the path exists with
 * other methods (a 405), undefined when no route has this path.
 */
export function matchRestRoute<N extends string>(routes: CompiledRoute<N>[], method: string, pathname: string): RestMatch<N> | undefined {
  const allow: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    if (route.method !== method) {
      allow.push(route.method);
      continue;
    }
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    } catch {
      return undefined; // a malformed %-escape names nothing
    }
    return { call: route.call, params };
  }
  return allow.length ? { allow } : undefined;
}

/** Whether the method carries its input in a JSON body (otherwise in the query string). */
export function takesBody(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}

/** A query string as an input object: a repeated key becomes an array. */
export function queryInput(query: URLSearchParams): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    input[key] = values.length === 1 ? values[0]! : values;
  }
  return input;
}
