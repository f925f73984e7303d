import type { UserConfig } from 'tsdown';

export interface PackageBuildOptions {
  /** Entry files, relative to the package root. @default ['src/index.ts'] */
  entry?: string[];
}
export declare function definePackageBuild(options?: PackageBuildOptions): UserConfig;
