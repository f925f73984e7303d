/** @jsxImportSource #html-jsx */
/**
 * A journal entry. In the message list (`asAttempt`) it stands for a send that was answered with an error or
 * with failed items, and reads like a message; in the journal tab it reads like a request. A request whose
 * answer failed some of its items is "partly failed" in both, its failed items listed.
 */
import type { FC } from '#html-jsx/jsx-runtime';
import type { JournalEntry } from '../../state/request-journal.js';
import { failedItemsOf, summarizeRequest } from '../journal-view.js';
import { pageSearch, platformLabels } from '../page-query.js';
import { Facts } from './facts.js';
import { FailedItems } from './failed-items.js';
import { JsonBlock } from './json-block.js';
import { AttemptRecipients } from './recipient.js';
import { SignatureDiagnosticView } from './signature-diagnostic.js';
import { Time } from './time.js';

type RequestOutcome = 'rejected' | 'partial' | 'accepted';

function outcomeOf(entry: JournalEntry): RequestOutcome {
  if (entry.verdict.outcome === 'rejected') return 'rejected';
  return failedItemsOf(entry) > 0 ? 'partial' : 'accepted';
}

function verdictText(entry: JournalEntry): string {
  const verdict = entry.verdict;
  if (verdict.outcome === 'accepted') {
    if (verdict.failedItems === 0) return `accepted: ${verdict.recorded} recorded`;
    const total = verdict.failedItems + verdict.recorded;
    return `partly failed: ${verdict.failedItems} of ${total} not sent`;
  }
  const sub = verdict.subCode === undefined ? '' : ` (${verdict.subCode})`;
  return `${verdict.code} ${verdict.message}${sub}`;
}

const OutcomeNote: FC<{ entry: JournalEntry; outcome: RequestOutcome }> = ({ entry, outcome }) => {
  if (entry.verdict.outcome === 'rejected') return <span class="preview reason">{entry.verdict.reason}</span>;
  if (outcome !== 'partial') return null;
  const failed = failedItemsOf(entry);
  return (
    <span class="preview reason">
      The answer failed {failed === 1 ? 'one message' : `${failed} messages`} of this request
      {entry.verdict.recorded > 0 ? '; the ones sent are listed as messages' : ''}:
    </span>
  );
};

export const RequestItem: FC<{ entry: JournalEntry; reveal: boolean; asAttempt: boolean }> = ({
  entry,
  reveal,
  asAttempt,
}) => {
  const summary = summarizeRequest(entry);
  const verdict = entry.verdict;
  const rejected = verdict.outcome === 'rejected';
  const outcome = outcomeOf(entry);
  const outcomeText = rejected ? `rejected: ${verdictText(entry)}` : verdictText(entry);
  return (
    <li
      class={`card ${outcome}`}
      id={`r-${entry.id}`}
      data-platform={summary.platform ?? ''}
      data-app={entry.appKey ?? ''}
    >
      <details>
        <summary>
          <span class="row">
            {summary.platform === undefined ? (
              <span class="badge">{entry.api ?? entry.path}</span>
            ) : (
              <span class={`badge ${summary.platform}`}>{platformLabels[summary.platform]}</span>
            )}
            {asAttempt ? (
              <AttemptRecipients recipients={summary.recipients} reveal={reveal} />
            ) : (
              <span class="recipient">
                {entry.method} {entry.path}
              </span>
            )}
            <span class="grow" />
            <span class={`outcome ${outcome === 'accepted' ? 'sent' : outcome}`}>{outcomeText}</span>
            <Time iso={entry.receivedAt} />
          </span>
          <span class="row meta">
            {summary.signName === undefined ? null : <span>{`【${summary.signName}】`}</span>}
            {summary.template === undefined ? null : <span>{summary.template}</span>}
            <span>{entry.appKey ?? 'no app key'}</span>
            {asAttempt ? null : <span>HTTP {entry.httpStatus}</span>}
          </span>
          <OutcomeNote entry={entry} outcome={outcome} />
          <FailedItems entry={entry} reveal={reveal} />
        </summary>
        <div class="body single">
          <Facts
            rows={[
              ['Request', `${entry.method} ${entry.path}`],
              ['API', entry.api],
              ['Namespace', entry.appKey],
              ['Content type', entry.contentType],
              ['Answer', `HTTP ${entry.httpStatus} · ${verdictText(entry)}`],
              ['Sub message', rejected ? verdict.subMessage : null],
              ['Why', rejected ? <span class="reason">{verdict.reason}</span> : null],
              ['Request id', entry.requestId],
              ['Received', <Time iso={entry.receivedAt} />],
            ]}
          />
          <SignatureDiagnosticView entry={entry} reveal={reveal} />
          {entry.notes.length === 0 ? null : (
            <div class="wide">
              <h4>Notes</h4>
              <ul>
                {entry.notes.map((note) => (
                  <li>{note}</li>
                ))}
              </ul>
            </div>
          )}
          <JsonBlock title="Parameters (secrets masked)" value={entry.params} reveal={reveal} />
          {asAttempt ? (
            <p class="wide">
              <a href={`/${pageSearch({ view: 'requests', reveal }, {})}#r-${entry.id}`}>
                Open in the request journal
              </a>
            </p>
          ) : null}
        </div>
      </details>
    </li>
  );
};
