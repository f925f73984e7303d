import { definePackageTest } from '@x/vitest-config';

export default definePackageTest('@x/taobao-tmc');
