import { signTop } from '@x/signing';

/** The three CONNECT headers the signature covers. */
export interface TmcConnectSignInput {
  /** The app key (`app_key`). */
  readonly appKey: string;
  /** The consumer group (`group_name`). */
  readonly groupName: string;
  /** `timestamp`: epoch milliseconds as a decimal string, so the time zone of the host never matters. */
  readonly timestamp: string;
}

/**
 * The CONNECT signature: the TOP md5 rule over exactly `app_key`, `group_name` and `timestamp`, i.e.
 * `UPPER(MD5(secret + "app_key" + appKey + "group_name" + group + "timestamp" + ts + secret))`.
 *
 * @example signTmcConnect({ appKey: '4272', groupName: 'default', timestamp: '1700000000000' }, 'secret')
 *   // '519908D0B920AAC9AC38E6E7B7613B90'
 */
export function signTmcConnect(input: TmcConnectSignInput, appSecret: string): string {
  return signTop(
    { app_key: input.appKey, group_name: input.groupName, timestamp: input.timestamp },
    appSecret,
    'md5',
  );
}
