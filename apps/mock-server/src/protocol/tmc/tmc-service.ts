/**
 * The TMC side of one mock: the queues, the scripted TMC faults, the receipts of accepted sends and the open
 * WebSocket sessions, bound to one scheduler (the mock's clock). Adapters open sessions here; the TOP
 * methods and the control API read and change the same state.
 */

import type { TmcApps } from './connect-check.js';
import { SmsReceipts } from './sms-receipts.js';
import { TmcBroker, type TmcBrokerOptions } from './tmc-broker.js';
import { TmcFaultQueue } from './tmc-faults.js';
import type { TmcScheduler } from './tmc-scheduler.js';
import { newConnectionId, TmcSession, type TmcSessionOutput } from './tmc-session.js';

export interface TmcServiceOptions extends TmcBrokerOptions {
  /** Whether accepted JST sends get a receipt (`tmc.receipts`). @default true */
  receipts?: boolean;
  /** How long after an accepted send its receipt is published. @default 1000 */
  receiptDelayMs?: number;
  /** Whether the receipt magic numbers (`1990001XXYY`) act. @default true */
  magicValues?: boolean;
  /** Sends whose receipt state the inbox page can show (the mock passes its inbox size). @default 10000 */
  trackedReceipts?: number;
  /** Where TMC fault ids come from (the mock shares one sequence with the send faults). @default 1, 2, 3, … */
  nextFaultId?: () => number;
}

export class TmcService {
  readonly broker: TmcBroker;
  readonly faults: TmcFaultQueue;
  readonly receipts: SmsReceipts;
  readonly #sessions = new Set<TmcSession>();
  readonly #apps: TmcApps;

  /** `apps`: what a CONNECT is checked against (the mock's TOP apps and clock). */
  constructor(scheduler: TmcScheduler, apps: TmcApps, options: TmcServiceOptions = {}) {
    this.broker = new TmcBroker(scheduler, options);
    this.faults = new TmcFaultQueue(options.nextFaultId);
    this.receipts = new SmsReceipts(this.broker, {
      enabled: options.receipts,
      delayMs: options.receiptDelayMs,
      magicValues: options.magicValues,
      trackedReceipts: options.trackedReceipts,
    });
    this.#apps = apps;
  }

  /**
   * A session for a new WebSocket connection. `output` applies what it asks (write bytes, close); the adapter
   * calls `session.receive` with each binary message and `session.closed()` when the socket is gone.
   */
  openSession(output: (output: TmcSessionOutput) => void): TmcSession {
    const session: TmcSession = new TmcSession(
      newConnectionId(),
      { broker: this.broker, faults: this.faults, apps: this.#apps },
      (action) => {
        output(action);
        if (action.kind !== 'write') this.#sessions.delete(session);
      },
    );
    this.#sessions.add(session);
    return session;
  }

  /** Forgets a session whose socket closed (and gives its unconfirmed messages back). */
  closeSession(session: TmcSession): void {
    session.closed();
    this.#sessions.delete(session);
  }

  /** Open sessions, oldest first. */
  sessions(): readonly TmcSession[] {
    return [...this.#sessions];
  }
}
