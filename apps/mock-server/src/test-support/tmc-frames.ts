/** TMC frames a test client sends: a CONNECT (signed or as given) and the SEND requests (confirm, fail, pull). */
import { signTop } from '@x/signing';
import { byteValue, stringValue, TMC_MESSAGE_TYPE, type TmcFrame, type TmcValue } from '@x/taobao-tmc/wire';

/** A CONNECT with these custom headers, as strings. */
export function connectFrame(fields: Record<string, string>, flag: number): TmcFrame {
  const headers = new Map<string, TmcValue>();
  for (const [key, value] of Object.entries(fields)) headers.set(key, stringValue(value));
  return { messageType: TMC_MESSAGE_TYPE.connect, flag, headers };
}

/** A CONNECT signed as the official clients sign it (TOP md5 over app_key, group_name and timestamp). */
export function signedConnectFrame(connect: {
  appKey: string;
  secret: string;
  group?: string;
  timestamp: number;
  flag: number;
}): TmcFrame {
  const fields = {
    app_key: connect.appKey,
    group_name: connect.group ?? 'default',
    timestamp: String(connect.timestamp),
  };
  return connectFrame(
    { ...fields, sign: signTop(fields, connect.secret, 'md5'), sdk: 'test', intranet_ip: '127.0.0.1' },
    connect.flag,
  );
}

/** A SEND from the client: `__kind` 1 pull, 2 confirm (with `id`), 20 fail (with `id` and `msg`). */
export function requestFrame(
  token: string,
  kind: number,
  extra: ReadonlyArray<[string, TmcValue]> = [],
  flag?: number,
): TmcFrame {
  return {
    messageType: TMC_MESSAGE_TYPE.send,
    token,
    ...(flag === undefined ? {} : { flag }),
    headers: new Map<string, TmcValue>([['__kind', byteValue(kind)], ...extra]),
  };
}
