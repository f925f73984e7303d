/**
 * The template registry (`templates.registry: true`): like the platforms, refuse a message whose signature or
 * template is unknown or not approved, or whose variables do not match the template's `${placeholders}`
 * (one missing, or one the template does not have). Installed only when the registry is on.
 *
 * Shapes: JST — `15 Remote service error` with Alibaba SMS sub-codes (`isv.SMS_SIGNATURE_ILLEGAL`,
 * `isv.SMS_TEMPLATE_ILLEGAL`, `isv.TEMPLATE_MISSING_PARAMETERS`, `isv.TEMPLATE_PARAMS_ILLEGAL`); TPN — a
 * business refusal, `is_success: false` with `error_msg`; fw199 — item failures, code 1,
 * `Remote service error,请求失败,<why>。`.
 */
import type { ReviewStatus } from '../../../config/config-schema.js';
import type { TemplateRegistry } from '../../../config/resolve-config.js';
import type { PendingMessage } from '../../../state/recorded-message.js';
import { gatewayItemFailure } from '../../errors/call-errors.js';
import type { CallError, MessageFailure, SendInterceptor } from '../call/send-call.js';

type Problem =
  | { kind: 'signature'; status: ReviewStatus | undefined }
  | { kind: 'template'; status: ReviewStatus | undefined }
  | { kind: 'missing-variable'; name: string }
  | { kind: 'extra-variable'; name: string };

const placeholderPattern = /\$\{([^}]*)\}/g;

/** The `${name}`s of a template text. */
export function placeholders(text: string | undefined): Set<string> {
  const names = new Set<string>();
  if (text === undefined) return names;
  for (const match of text.matchAll(placeholderPattern)) names.add(match[1] as string);
  return names;
}

/** The first problem of an SMS (JST, TID, Douyin), or undefined. */
function smsProblem(registry: TemplateRegistry, message: PendingMessage): Problem | undefined {
  const signature = registry.signature(message.signName ?? '');
  if (signature !== 'approved') return { kind: 'signature', status: signature };
  const template = registry.smsTemplate(message.template);
  if (template === undefined || template.status !== 'approved') {
    return { kind: 'template', status: template?.status };
  }
  const given = new Set(Object.keys(message.variables));
  // JST: `${url}` is filled from the request's own `url` field.
  if (typeof message.details.url === 'string') given.add('url');
  return variableProblem(placeholders(template.text), given, new Set(['url']));
}

/** The first problem of a Qianniu message, or undefined. */
function qianniuProblem(registry: TemplateRegistry, message: PendingMessage): Problem | undefined {
  const template = registry.qianniuTemplate(message.template);
  if (template === undefined || template.status !== 'approved') {
    return { kind: 'template', status: template?.status };
  }
  const titleParam = message.details.title_param;
  const titleGiven = new Set(
    typeof titleParam === 'object' && titleParam !== null ? Object.keys(titleParam) : [],
  );
  return (
    variableProblem(placeholders(template.title), titleGiven) ??
    variableProblem(placeholders(template.content), new Set(Object.keys(message.variables)))
  );
}

/** A placeholder without a value, then a value without a placeholder (`optionalExtras` may be absent from both). */
function variableProblem(
  wanted: ReadonlySet<string>,
  given: ReadonlySet<string>,
  optionalExtras: ReadonlySet<string> = new Set(),
): Problem | undefined {
  for (const name of wanted) if (!given.has(name)) return { kind: 'missing-variable', name };
  for (const name of given) {
    if (!wanted.has(name) && !optionalExtras.has(name)) return { kind: 'extra-variable', name };
  }
  return undefined;
}

/** Alibaba SMS's `sub_code` / `sub_msg` for each problem (the gateway items reuse `sub_msg`). */
function smsWords(problem: Problem): { subCode: string; subMessage: string } {
  switch (problem.kind) {
    case 'signature':
      return {
        subCode: 'isv.SMS_SIGNATURE_ILLEGAL',
        subMessage: statusWords(problem.status, '签名不合法(不存在或被拉黑)', '签名'),
      };
    case 'template':
      return {
        subCode: 'isv.SMS_TEMPLATE_ILLEGAL',
        subMessage: statusWords(problem.status, '模板不合法(不存在或被拉黑)', '模板'),
      };
    case 'missing-variable':
      return { subCode: 'isv.TEMPLATE_MISSING_PARAMETERS', subMessage: '模板缺少变量' };
    case 'extra-variable':
      return { subCode: 'isv.TEMPLATE_PARAMS_ILLEGAL', subMessage: '模板变量不合法' };
  }
}

function statusWords(status: ReviewStatus | undefined, unknown: string, what: string): string {
  if (status === 'pending') return `${what}审核中`;
  if (status === 'rejected') return `${what}审核未通过`;
  return unknown;
}

/** TPN `error_msg` for each problem. */
function qianniuWords(problem: Problem): string {
  switch (problem.kind) {
    case 'signature':
    case 'template':
      return statusWords(problem.status, '模板不存在', '模板');
    case 'missing-variable':
      return '模板缺少变量';
    case 'extra-variable':
      return '模板变量不合法';
  }
}

function describe(problem: Problem, message: PendingMessage): string {
  switch (problem.kind) {
    case 'signature':
      return `signature ${JSON.stringify(message.signName)} is ${problem.status ?? 'not in the registry'}`;
    case 'template':
      return `template ${JSON.stringify(message.template)} is ${problem.status ?? 'not in the registry'}`;
    case 'missing-variable':
      return `template ${JSON.stringify(message.template)} needs \${${problem.name}}, which was not given`;
    case 'extra-variable':
      return `template ${JSON.stringify(message.template)} has no \${${problem.name}}, which was given`;
  }
}

export function createRegistryInterceptor(registry: TemplateRegistry): SendInterceptor {
  return {
    name: 'template registry',
    intercept(call) {
      let failures: Map<number, MessageFailure> | undefined;
      const qianniu = call.platform === 'qianniu-tpn';
      for (let index = 0; index < call.messages.length; index++) {
        const message = call.messages[index] as PendingMessage;
        const problem = qianniu ? qianniuProblem(registry, message) : smsProblem(registry, message);
        if (problem === undefined) continue;
        if (call.platform === 'taobao-jst') {
          const error: CallError = { code: 15, message: 'Remote service error', ...smsWords(problem) };
          return { reject: error, reason: describe(problem, message) };
        }
        failures ??= new Map();
        failures.set(
          index,
          qianniu
            ? { code: 'template', message: qianniuWords(problem) }
            : gatewayItemFailure(smsWords(problem).subMessage),
        );
      }
      return failures === undefined ? undefined : { failMessages: failures };
    },
  };
}
