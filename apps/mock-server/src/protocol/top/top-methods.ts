/** The TOP APIs the mock serves, by `method` parameter. */
import { jstTopMethod } from './jst-method.js';
import type { TopMethod } from './top-method.js';
import { tpnTopMethod } from './tpn-method.js';

const methods = new Map<string, TopMethod>([
  [jstTopMethod.name, jstTopMethod],
  [tpnTopMethod.name, tpnTopMethod],
]);

export function findTopMethod(name: string): TopMethod | undefined {
  return methods.get(name);
}
