/**
 * When a body could not be read, its parameters are missing and the call fails on whatever they would have
 * carried — most often the signature. The journal names the body first, so nobody debugs a correct signer.
 */
import type { JournalVerdict } from '../../state/request-journal.js';

export function withUnreadableBodyReason(
  verdict: JournalVerdict,
  unreadableBody: string | undefined,
): JournalVerdict {
  if (unreadableBody === undefined || verdict.outcome !== 'rejected') return verdict;
  return { ...verdict, reason: `${unreadableBody}; without its parameters: ${verdict.reason}` };
}
