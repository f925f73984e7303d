/** Reads a time filter — ISO 8601 or epoch milliseconds — as an ISO string, which compares by text order. */
export function instantToIso(text: string): string | undefined {
  const milliseconds = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(milliseconds)) return undefined;
  const date = new Date(milliseconds);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
