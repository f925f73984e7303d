import type { UserWorkspaceConfig } from 'vitest/config';

export declare const sourceCondition: '@x/source';
export declare function definePackageTest(
  name: string,
  overrides?: UserWorkspaceConfig['test'],
): UserWorkspaceConfig;
