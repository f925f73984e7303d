/**
 * The checks on a CONNECT frame: `app_key`, `group_name`, `timestamp` (epoch milliseconds, as text) and
 * `sign` = UPPER(MD5(secret + "app_key"+ak + "group_name"+group + "timestamp"+ts + secret)), the TOP md5 rule
 * over exactly those three keys. A refused CONNECT is answered with a CONNECTACK carrying a status code > 0
 * and a status phrase. The platform's own codes for these refusals are not published: the mock uses TOP's
 * codes and words for the same mistakes (40, 41, 29, 31, 25), checked in TOP's order.
 */
import { signTop } from '@x/signing';
import type { TmcValue } from '@x/taobao-tmc/wire';

/** Group names: at most 32 characters (the platform's limit on `taobao.tmc.group.add`). */
export const maxGroupNameLength = 32;

export type ConnectCheck =
  | { ok: true; appKey: string; group: string }
  | { ok: false; statusCode: number; statusPhrase: string; appKey?: string; group?: string };

/** Reads a custom header as text (a string, or a number or date written as one). */
export function headerText(headers: ReadonlyMap<string, TmcValue>, key: string): string | undefined {
  const value = headers.get(key);
  if (value === undefined) return undefined;
  switch (value.format) {
    case 'string':
      return value.value;
    case 'byte':
    case 'int16':
    case 'int32':
      return String(value.value);
    case 'int64':
    case 'date':
      return value.value.toString();
    default:
      return undefined;
  }
}

/** What a CONNECT is checked against: the apps the mock serves and its clock. */
export interface TmcApps {
  /** The secret of an app key the mock serves, or undefined. */
  findSecret(appKey: string): string | undefined;
  /** The instant a CONNECT timestamp is compared with (the mock's clock, or real time; see `/__mock/clock`). */
  timestampCheckTime(): number;
  /** The allowed difference, in milliseconds (TOP's: 10 minutes). */
  readonly timestampToleranceMs: number;
}

/** Checks a CONNECT's headers. */
export function checkConnect(headers: ReadonlyMap<string, TmcValue>, apps: TmcApps): ConnectCheck {
  const appKey = headerText(headers, 'app_key');
  if (appKey === undefined || appKey === '') return missing('app_key');
  const group = headerText(headers, 'group_name');
  if (group === undefined || group === '') return missing('group_name');
  if (group.length > maxGroupNameLength) return refused(41, 'Invalid arguments:group_name', appKey, group);
  const secret = apps.findSecret(appKey);
  if (secret === undefined) return refused(29, 'Invalid app Key', appKey, group);
  const timestamp = headerText(headers, 'timestamp');
  if (timestamp === undefined || timestamp === '') return missing('timestamp', appKey, group);
  const skew = Math.abs(Number(timestamp) - apps.timestampCheckTime());
  if (!/^\d{1,15}$/.test(timestamp) || !(skew <= apps.timestampToleranceMs))
    return refused(31, 'Invalid timestamp', appKey, group);
  const sign = headerText(headers, 'sign');
  if (sign === undefined || sign === '') return missing('sign', appKey, group);
  const expected = signTop({ app_key: appKey, group_name: group, timestamp }, secret, 'md5');
  if (sign.toUpperCase() !== expected) return refused(25, 'Invalid signature', appKey, group);
  return { ok: true, appKey, group };
}

function missing(name: string, appKey?: string, group?: string): ConnectCheck {
  return refused(40, `Missing required arguments:${name}`, appKey, group);
}

function refused(statusCode: number, statusPhrase: string, appKey?: string, group?: string): ConnectCheck {
  return {
    ok: false,
    statusCode,
    statusPhrase,
    ...(appKey === undefined ? {} : { appKey }),
    ...(group === undefined ? {} : { group }),
  };
}
