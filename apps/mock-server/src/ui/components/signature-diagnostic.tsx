/** @jsxImportSource #html-jsx */
/**
 * Why a signature did not match: the sign received and expected, and the string the mock signed. With the
 * page's "show" switch on it is exactly what the client sent (session, sign and phone numbers included), so it
 * can be compared byte for byte with the string the client signed; the app secret is never in it.
 */
import type { FC } from '#html-jsx/jsx-runtime';
import type { JournalEntry } from '../../state/request-journal.js';
import { maskPhonesIn } from '../masked-text.js';
import { Facts } from './facts.js';

export const SignatureDiagnosticView: FC<{ entry: JournalEntry; reveal: boolean }> = ({ entry, reveal }) => {
  const signature = reveal ? (entry.signatureAsSent ?? entry.signature) : entry.signature;
  if (signature === undefined) return null;
  const exact = reveal && entry.signatureAsSent !== undefined;
  return (
    <div class="wide diagnostic" data-testid="signature-diagnostic">
      <h4>Signature diagnostic</h4>
      <Facts
        rows={[
          ['Method', signature.signMethod],
          ['Received', signature.received ?? '(none)'],
          ['Expected', signature.expected ?? '(not computed)'],
          ['HMAC key', signature.hmacKey],
        ]}
      />
      <h4>String signed by the mock (compare with your client's)</h4>
      <pre data-testid="signed-string">
        {exact
          ? (signature.signedString ?? '(none)')
          : maskPhonesIn(signature.signedString ?? '(none)', false)}
      </pre>
      <p class="note">
        {exact
          ? 'Exactly as your client sent it; {secret} stands where the app secret goes.'
          : 'Session, sign and phone numbers are masked here: tick "Show phone numbers and sessions" to compare byte for byte.'}
      </p>
    </div>
  );
};
