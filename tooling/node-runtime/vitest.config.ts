import { definePackageTest } from '@x/vitest-config';

export default definePackageTest('@x/node-runtime');
