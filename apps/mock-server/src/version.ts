/** The published version, read from package.json (bundled into the build). */
import packageJson from '../package.json' with { type: 'json' };

export const mockServerVersion: string = packageJson.version;
