/** @jsxImportSource #html-jsx */
/**
 * The message as the recipient's phone shows it — only when its text is known. Without a configured template
 * the mock cannot know the text: it says so plainly and lists the variables, rather than drawing a bubble
 * that would look like the real SMS.
 */
import type { FC } from '#html-jsx/jsx-runtime';
import type { RecordedMessage } from '../../state/recorded-message.js';
import { safeHttpUrl, smsPreview, variablesText } from '../message-view.js';

const UnknownText: FC<{ message: RecordedMessage; where: string }> = ({ message, where }) => (
  <div class="unknown-text" data-testid="text-unknown">
    <p>
      <strong>Text not known.</strong> Template {message.template} is not configured in the mock ({where}), so
      it cannot show what the phone displays. The variables received:
    </p>
    <pre>{variablesText(message.variables) || '(none)'}</pre>
  </div>
);

const QianniuPicture: FC<{ picture: unknown }> = ({ picture }) => {
  if (picture === undefined) return null;
  const pictureUrl = safeHttpUrl(picture);
  return (
    <p class="note">
      Picture:{' '}
      {pictureUrl === undefined ? (
        String(picture)
      ) : (
        <a href={pictureUrl} rel="noopener noreferrer" target="_blank">
          {pictureUrl}
        </a>
      )}
    </p>
  );
};

export const PhonePreview: FC<{ message: RecordedMessage }> = ({ message }) => {
  const sms = smsPreview(message);
  if (sms !== undefined) {
    return (
      <div class="phone" data-testid="phone">
        <div class="from">{message.seller ?? message.appKey}</div>
        {sms.rendered ? (
          <>
            <div class="bubble">
              {sms.signature}
              {sms.body}
            </div>
            <p class="counts">
              <span data-testid="characters">{sms.characters}</span> characters ·{' '}
              <span data-testid="segments">{sms.segments}</span> {sms.segments === 1 ? 'SMS' : 'SMS segments'}
              {' (signature included; ≤ 70 is one SMS, longer ones are billed per 67)'}
            </p>
          </>
        ) : (
          <UnknownText message={message} where="templates.sms" />
        )}
      </div>
    );
  }
  const picture = message.details.picture ?? message.details.pict;
  return (
    <div class="phone" data-testid="phone">
      <div class="from">Qianniu · {message.template}</div>
      {message.text === null ? (
        <UnknownText message={message} where="templates.qianniu" />
      ) : (
        <div class="bubble">
          <span class="title">{message.title ?? `(title from template ${message.template})`}</span>
          {message.text}
        </div>
      )}
      <QianniuPicture picture={picture} />
    </div>
  );
};
