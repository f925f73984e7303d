/**
 * One TMC WebSocket connection as a state machine over frames: bytes in (one binary WebSocket message each),
 * outputs out (a frame's bytes to write, or "close the connection"). The adapter that owns the socket feeds
 * it what arrives and applies what it says; everything else (checks, queues, faults, time) happens here.
 *
 * awaiting CONNECT → open (after a CONNECTACK with a token) → closed. Before a CONNECT is accepted, nothing
 * but a CONNECT is read; a refused CONNECT is answered (status code and phrase, the client's flag echoed) and
 * the connection closed. Once open, the session pushes its group's messages without waiting for a pull, each
 * frame carrying the token, and reads confirm (`__kind` 2), fail (20) and pull (1) frames.
 */
import { randomUUID } from 'node:crypto';
import {
  byteValue,
  dateValue,
  decodeFrame,
  encodeFrame,
  int64Value,
  stringValue,
  TMC_MESSAGE_KIND,
  TMC_MESSAGE_TYPE,
  type TmcFrame,
  type TmcValue,
} from '@x/taobao-tmc/wire';
import { checkConnect, headerText, type TmcApps } from './connect-check.js';
import type { TmcConsumer, TmcGroupQueue } from './group-queue.js';
import type { TmcBroker } from './tmc-broker.js';
import type { TmcFaultQueue } from './tmc-faults.js';
import type { TmcMessage } from './tmc-message.js';

/**
 * What the session asks the adapter to do: write one binary message, close the WebSocket with a close frame,
 * or drop the connection without one (a scripted fault: the network went away).
 */
export type TmcSessionOutput =
  | { readonly kind: 'write'; readonly bytes: Uint8Array }
  | { readonly kind: 'close'; readonly code: number; readonly reason: string }
  | { readonly kind: 'drop' };

/** What a session needs from the mock. */
export interface TmcSessionContext {
  readonly broker: TmcBroker;
  readonly faults: TmcFaultQueue;
  readonly apps: TmcApps;
}

/** Where a connection stands: waiting for its CONNECT, open, or closed. */
export type TmcSessionState = 'awaiting-connect' | 'open' | 'closed';

/** A connection as the inspection view shows it. */
export interface TmcConnectionView {
  id: string;
  state: TmcSessionState;
  appKey: string | null;
  group: string | null;
  /** Epoch ms of the accepted CONNECT, or null. */
  connectedAt: number | null;
  pushed: number;
  confirmed: number;
  failed: number;
  pulls: number;
}

/** WebSocket close codes the session asks for. */
export const tmcCloseCodes = { protocolError: 1002, policyViolation: 1008 } as const;

const maxFailReasonLength = 128;

export class TmcSession implements TmcConsumer {
  readonly id: string;
  readonly #context: TmcSessionContext;
  readonly #output: (output: TmcSessionOutput) => void;
  #state: TmcSessionState = 'awaiting-connect';
  #token = '';
  #group: TmcGroupQueue | undefined;
  #connectedAt: number | null = null;
  readonly #counts = { pushed: 0, confirmed: 0, failed: 0, pulls: 0 };

  constructor(id: string, context: TmcSessionContext, output: (output: TmcSessionOutput) => void) {
    this.id = id;
    this.#context = context;
    this.#output = output;
  }

  get label(): string {
    return this.id;
  }

  get state(): TmcSessionState {
    return this.#state;
  }

  /** One binary WebSocket message from the client. A frame that does not decode closes the connection. */
  receive(bytes: Uint8Array): void {
    if (this.#state === 'closed') return;
    let frame: TmcFrame;
    try {
      frame = decodeFrame(bytes);
    } catch {
      this.#close(tmcCloseCodes.protocolError, 'not a TMC frame');
      return;
    }
    this.receiveFrame(frame);
  }

  /** One decoded frame from the client. */
  receiveFrame(frame: TmcFrame): void {
    if (this.#state === 'closed') return;
    if (this.#state === 'awaiting-connect') {
      if (frame.messageType !== TMC_MESSAGE_TYPE.connect) {
        this.#close(tmcCloseCodes.protocolError, 'the first frame must be a CONNECT');
        return;
      }
      this.#connect(frame);
      return;
    }
    if (frame.messageType !== TMC_MESSAGE_TYPE.send) return;
    this.#request(frame);
  }

  /** The transport is gone (closed by either side): unconfirmed messages go back to the group. */
  closed(): void {
    if (this.#state === 'closed' && this.#group === undefined) return;
    this.#state = 'closed';
    const group = this.#group;
    this.#group = undefined;
    group?.detach(this);
  }

  /** Writes one message (the group calls this; faults may drop, delay or repeat it). */
  deliver(message: TmcMessage): void {
    if (this.#state !== 'open') return;
    const group = this.#group as TmcGroupQueue;
    const effect = this.#context.faults.takePushEffect({
      app: group.namespace,
      group: group.name,
      topic: message.topic,
    });
    if (effect?.kind === 'drop') {
      this.#end({ kind: 'drop' });
      return;
    }
    const bytes = encodeFrame(this.#dataFrame(message));
    this.#counts.pushed++;
    if (effect?.kind === 'delay') {
      const scheduler = this.#context.broker.scheduler;
      scheduler.schedule(scheduler.now() + effect.delayMs, () => {
        if (this.#state === 'open') this.#output({ kind: 'write', bytes });
      });
      return;
    }
    this.#output({ kind: 'write', bytes });
    if (effect?.kind === 'duplicate') this.#output({ kind: 'write', bytes });
  }

  view(): TmcConnectionView {
    return {
      id: this.id,
      state: this.#state,
      appKey: this.#group?.namespace ?? null,
      group: this.#group?.name ?? null,
      connectedAt: this.#connectedAt,
      ...this.#counts,
    };
  }

  #connect(frame: TmcFrame): void {
    const now = this.#context.broker.scheduler.now();
    const check = checkConnect(frame.headers, this.#context.apps);
    const refusal = check.ok
      ? this.#context.faults.takeConnectRefusal({ app: check.appKey, group: check.group })
      : check;
    if (!check.ok || refusal !== undefined) {
      const { statusCode, statusPhrase } = refusal ?? { statusCode: 1, statusPhrase: 'refused' };
      this.#write({
        messageType: TMC_MESSAGE_TYPE.connectAck,
        statusCode,
        statusPhrase,
        flag: frame.flag,
        headers: new Map(),
      });
      this.#close(tmcCloseCodes.policyViolation, 'connect refused');
      return;
    }
    this.#state = 'open';
    this.#token = randomUUID().replaceAll('-', '');
    this.#connectedAt = now;
    this.#write({
      messageType: TMC_MESSAGE_TYPE.connectAck,
      statusCode: 0,
      flag: frame.flag,
      token: this.#token,
      headers: new Map(),
    });
    this.#group = this.#context.broker.group(check.appKey, check.group);
    this.#group.attach(this);
  }

  #request(frame: TmcFrame): void {
    const group = this.#group as TmcGroupQueue;
    const kind = numberValue(frame.headers.get('__kind'));
    if (kind === TMC_MESSAGE_KIND.confirm || kind === TMC_MESSAGE_KIND.fail) {
      const id = messageId(frame.headers.get('id'));
      if (id !== undefined) {
        if (kind === TMC_MESSAGE_KIND.confirm) {
          if (group.confirm(id)) this.#counts.confirmed++;
        } else {
          const reason = (headerText(frame.headers, 'msg') ?? '').slice(0, maxFailReasonLength);
          if (group.fail(id, reason)) this.#counts.failed++;
        }
      }
    } else if (kind === TMC_MESSAGE_KIND.pull) {
      this.#counts.pulls++;
    }
    // A SEND that carries a flag asks for an answer.
    if (frame.flag !== undefined)
      this.#write({
        messageType: TMC_MESSAGE_TYPE.sendAck,
        statusCode: 0,
        flag: frame.flag,
        token: this.#token,
        headers: new Map(),
      });
    if (kind === TMC_MESSAGE_KIND.pull) group.pull();
  }

  #dataFrame(message: TmcMessage): TmcFrame {
    const now = this.#context.broker.scheduler.now();
    const headers = new Map<string, TmcValue>([
      ['__kind', byteValue(TMC_MESSAGE_KIND.data)],
      ['id', int64Value(message.id)],
      ['topic', stringValue(message.topic)],
      ['content', stringValue(message.content)],
      ['time', dateValue(message.publishedAt)],
      ['publisher', stringValue(message.publisher)],
      ['nick', stringValue(message.nick)],
      ['userid', int64Value(message.userId)],
      // When this push went out.
      ['outtime', dateValue(now)],
      ['dataid', stringValue(message.id.toString())],
    ]);
    return { messageType: TMC_MESSAGE_TYPE.send, token: this.#token, headers };
  }

  #write(frame: TmcFrame): void {
    this.#output({ kind: 'write', bytes: encodeFrame(frame) });
  }

  #close(code: number, reason: string): void {
    this.#end({ kind: 'close', code, reason });
  }

  #end(output: TmcSessionOutput): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#output(output);
    // Give the messages back after the current push loop of the group has finished.
    queueMicrotask(() => this.closed());
  }
}

function numberValue(value: TmcValue | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value.format === 'byte' || value.format === 'int16' || value.format === 'int32') return value.value;
  if (value.format === 'int64') return Number(value.value);
  if (value.format === 'string' && /^\d{1,3}$/.test(value.value)) return Number(value.value);
  return undefined;
}

function messageId(value: TmcValue | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  if (value.format === 'int64' || value.format === 'date') return value.value;
  if (value.format === 'int32' || value.format === 'int16') return BigInt(value.value);
  if (value.format === 'string' && /^-?\d{1,20}$/.test(value.value)) return BigInt(value.value);
  return undefined;
}

/** A new connection id: short, unique within the mock. */
export function newConnectionId(): string {
  return `tmc-${randomUUID().slice(0, 8)}`;
}
