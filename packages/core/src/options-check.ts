/**
 * Checks of client options at creation time, so that a missing secret or a malformed base URL fails at once
 * with a ValidationError naming the option, not later as a signature the platform rejects.
 */
import type { ValidationIssue } from './errors.js';
import { validationError } from './input-validation.js';

/** Collects problems with client options and throws them together. */
export class OptionsCheck {
  private readonly issues: ValidationIssue[] = [];

  constructor(private readonly client: string) {}

  /** A required string option that must not be empty. */
  text(field: string, value: unknown): this {
    if (typeof value !== 'string' || value.trim() === '') {
      this.issues.push({ field, reason: 'is required and must be a non-empty string' });
    }
    return this;
  }

  /** An optional string option: absent, or a non-empty string. */
  optionalText(field: string, value: unknown): this {
    return value === undefined ? this : this.text(field, value);
  }

  /** An http(s) URL. */
  httpUrl(field: string, value: string): this {
    let valid = false;
    try {
      const url = new URL(value);
      valid = url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      valid = false;
    }
    if (!valid) this.issues.push({ field, reason: 'must be an http or https URL' });
    return this;
  }

  /** One of a list of values. */
  oneOf(field: string, value: unknown, allowed: readonly string[]): this {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.issues.push({ field, reason: `must be one of ${allowed.join(', ')}` });
    }
    return this;
  }

  /** Throws a ValidationError if any check failed. */
  done(): void {
    if (this.issues.length > 0) throw validationError(this.client, this.issues);
  }
}
