/**
 * Applies a transport effect to an answer: a delay, a dropped connection, a malformed body or a proxy's 5xx.
 * The body changes are made here; the delay and the drop ride on the answer (`Answer.delivery`) for the
 * adapter to carry out, since only it holds the connection.
 */

import type { JournalVerdict } from '../../state/request-journal.js';
import type { TransportEffect } from '../pipeline/call/send-call.js';
import { type Answer, platformAnswer } from './answer.js';

/** The answer the protocol endpoint would give without the effect. */
export interface PlainAnswer {
  body: string;
  status: number;
  contentType: string;
  gzip: boolean;
}

/** The answer as the effect changes it. */
export function answerWithEffect(effect: TransportEffect, answer: PlainAnswer): Answer {
  const delivery = { delayMs: effect.delayMs ?? 0, drop: effect.replace === 'drop', source: effect.source };
  switch (effect.replace) {
    case undefined:
      return { ...platformAnswer(answer.body, answer.status, answer.contentType, answer.gzip), delivery };
    case 'malformed-body':
      return {
        ...platformAnswer(malformed(answer.body), answer.status, answer.contentType, answer.gzip),
        delivery,
      };
    case 'proxy-error':
      return { ...proxyError(effect.status ?? 502), delivery };
    case 'drop':
      return { status: 0, headers: {}, body: null, delivery };
  }
}

/** The HTTP status the journal shows: 0 when there was no answer. */
export function effectHttpStatus(effect: TransportEffect, status: number): number {
  if (effect.replace === 'drop') return 0;
  if (effect.replace === 'proxy-error') return effect.status ?? 502;
  return status;
}

/** A journal note saying what the client got instead of (or besides) the answer. */
export function describeEffect(effect: TransportEffect): string {
  const delay = effect.delayMs ? `after ${effect.delayMs} ms, ` : '';
  const processed = effect.process === false ? 'nothing recorded' : 'the call was processed';
  switch (effect.replace) {
    case undefined:
      return `${effect.source}: answered after ${effect.delayMs ?? 0} ms`;
    case 'drop':
      return `${effect.source}: ${processed}, then ${delay}the connection was closed without an answer`;
    case 'malformed-body':
      return `${effect.source}: ${processed}, then ${delay}answered with the first half of the body`;
    case 'proxy-error':
      return `${effect.source}: ${processed}; ${delay}answered HTTP ${effect.status ?? 502} as a proxy in front would`;
  }
}

/** The journal verdict of a call that an effect stopped before processing (`process: false`). */
export function unprocessedVerdict(effect: TransportEffect): JournalVerdict {
  if (effect.replace === 'proxy-error') {
    const status = effect.status ?? 502;
    return {
      outcome: 'rejected',
      code: status,
      message: `HTTP ${status} from a proxy`,
      reason: `${effect.source}: a proxy in front answered ${status}; the platform never saw the request, nothing recorded`,
    };
  }
  return {
    outcome: 'rejected',
    code: 0,
    message: effect.replace === 'drop' ? 'connection dropped' : 'malformed answer',
    reason: `${effect.source}: ${describeEffect(effect)}`,
  };
}

function malformed(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

/** What nginx answers when the upstream fails. */
function proxyError(status: number): Answer {
  const title = `${status} ${proxyStatusTexts[status] ?? 'Server Error'}`;
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: { 'content-type': 'text/html', server: 'nginx' }, body: html };
}

/** Node's `STATUS_CODES` for the 5xx a proxy answers (the core stays free of `node:http`). */
const proxyStatusTexts: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};
