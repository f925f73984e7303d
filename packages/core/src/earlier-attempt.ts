/**
 * The error a call ends with when an earlier attempt of it may have gone out. A custom retry policy may retry
 * a failure that was possibly sent; if a later attempt then fails with "nothing was sent", that is true of the
 * last attempt only: the call as a whole may have sent the message, and its error must say so.
 */
import { GatewayError, TopPlatformError, TransportError, type XError } from './errors.js';

/** The same error, saying `maybeSent: true` (message included); an error that already says so is returned. */
export function asMaybeSent(error: XError): XError {
  if (error.maybeSent) return error;
  if (error instanceof TopPlatformError) return new TopPlatformError({ ...error, maybeSent: true });
  if (error instanceof GatewayError) return new GatewayError({ ...error, maybeSent: true });
  if (error instanceof TransportError) return new TransportError({ ...error, maybeSent: true }, error.cause);
  // A ValidationError is raised before the first attempt, so it never follows a sent one.
  return error;
}
