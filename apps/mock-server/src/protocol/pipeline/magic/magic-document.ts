/** The magic catalog as `GET /__mock/magic` serves it: every outcome, an example value, each API's answer. */
import { magicOutcomes, magicPrefix } from './magic-catalog.js';
import { magicCiphertext, magicExample } from './magic-recipient.js';

const apiNames = {
  'taobao-jst': 'taobao.jst.sms.message.send',
  'qianniu-tpn': 'taobao.tpn.template.message.send',
  'taobao-tid': '/gateway/taobao/jst/sms/tid/send',
  'doudian-sms': '/gateway/dd/sms/send',
} as const;

const parameterWords = {
  none: 'ignored (any two digits)',
  seconds: 'seconds',
  status: 'the HTTP status minus 500 (02 → 502)',
} as const;

export function magicCatalog(enabled: boolean) {
  return {
    enabled,
    pattern: `${magicPrefix}XXYY`,
    where:
      'JST phone_number, TPN user_id, TID order_id, Douyin order_id or post_tel, and a Douyin ciphertext whose first segment is the 11 digits ($1990000XXYY$…*…$1$$). Any other 1990000XXYY is an ordinary recipient.',
    outcomes: magicOutcomes.map((outcome) => {
      const example = magicExample(outcome);
      const answers: Record<string, string> = {};
      for (const [platform, api] of Object.entries(apiNames)) {
        answers[api] =
          outcome.answers[platform as keyof typeof apiNames] ?? 'not magic: an ordinary recipient';
      }
      return {
        digits: outcome.digits,
        outcome: outcome.name,
        summary: outcome.summary,
        parameter: parameterWords[outcome.parameter],
        recorded: outcome.recorded,
        example,
        ciphertextExample: magicCiphertext(example),
        answers,
      };
    }),
  };
}
