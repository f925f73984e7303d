import { definePackageBuild } from '@x/tsdown-config';

export default definePackageBuild();
