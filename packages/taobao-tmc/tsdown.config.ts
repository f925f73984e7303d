import { definePackageBuild } from '@x/tsdown-config';

export default definePackageBuild({ entry: ['src/index.ts', 'src/wire.ts'] });
