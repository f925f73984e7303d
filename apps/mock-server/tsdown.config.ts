import { definePackageBuild } from '@x/tsdown-config';

// Two entries: the library (createMockApp, startMockServer) and the CLI the `x-mock-server` bin points at.
export default definePackageBuild({ entry: ['src/index.ts', 'src/cli.ts'] });
