/**
 * @module Signing benchmark: `signTop` against the limit, one `crypto.hash('md5')` over the already-built
 * canonical string, measured side by side in the same run (target: md5 ≥ 0.5× the limit).
 */
import { hash } from 'node:crypto';
import { signTop, topCanonicalString } from '@x/signing';
import { Bench } from 'tinybench';
import type { BenchmarkReport } from './report.js';

/** A realistic 12-parameter `taobao.jst.sms.message.send` request, as the client sends it. */
export const realisticTopRequest: Record<string, string> = {
  method: 'taobao.jst.sms.message.send',
  app_key: '12345678',
  session: '6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a2037383723',
  timestamp: '2026-11-25 21:14:53',
  v: '2.0',
  format: 'json',
  sign_method: 'md5',
  simplify: 'false',
  partner_id: 'x-toolkit',
  target_app_key: '',
  send_message_request:
    '{"sms_free_sign_name":"聚石塔官方","template_code":"SMS_12345","phone_number":"13800138000","params":"{\\"content\\":\\"您好! ${url}\\"}","url":"https://m.taobao.com","extend":"123"}',
  custom_field: 'order-20261125-000123',
};

const secret = 'test-secret-0123456789abcdef';

export async function runSigningBench(): Promise<BenchmarkReport> {
  const canonical = topCanonicalString(realisticTopRequest);
  const wrapped = secret + canonical + secret;
  const sha256Request = { ...realisticTopRequest, sign_method: 'hmac-sha256' };
  const bench = new Bench({ time: 1500, warmup: true, warmupTime: 300 });
  bench
    .add('limit: crypto.hash md5 over the canonical string', () => {
      hash('md5', wrapped, 'hex');
    })
    .add('signTop md5', () => {
      signTop(realisticTopRequest, secret, 'md5');
    })
    .add('signTop hmac-sha256', () => {
      signTop(sha256Request, secret, 'hmac-sha256');
    });
  await bench.run();
  const opsPerSecond = (name: string): number => {
    const task = bench.getTask(name);
    const throughput = task?.result && 'throughput' in task.result ? task.result.throughput.mean : undefined;
    if (throughput === undefined) throw new Error(`benchmark task "${name}" produced no result`);
    return throughput;
  };
  const limit = opsPerSecond('limit: crypto.hash md5 over the canonical string');
  const md5 = opsPerSecond('signTop md5');
  const sha256 = opsPerSecond('signTop hmac-sha256');
  return {
    name: 'signing',
    baseline: "one crypto.hash('md5') over the already-built canonical string",
    command: 'pnpm bench -- signing',
    rows: [
      { case: 'limit: crypto.hash md5 (canonical built)', opsPerSecond: limit, ratio: 1 },
      { case: 'signTop md5 (12 params)', opsPerSecond: md5, ratio: md5 / limit, target: { atLeast: 0.5 } },
      { case: 'signTop hmac-sha256 (12 params)', opsPerSecond: sha256, ratio: sha256 / limit },
    ],
  };
}
