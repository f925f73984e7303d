/**
 * The Hono environment of the mock's apps: nothing in it. The protocol core never reads the Node request from
 * `c.env` — the Node listener serves the protocol paths itself — so the apps run the same under
 * @hono/node-server, `app.request()` or a user's own server.
 */
// biome-ignore lint/complexity/noBannedTypes: Hono's own blank environment is `{}` too
export type MockEnv = {};
