/** Types of fetch-electron.mjs, for its tests. */
export declare const DEFAULT_TIMEOUT_MS: number;
export declare function electronBinary(env?: NodeJS.ProcessEnv, packageDir?: string | null): string | null;
export declare function fetchElectron(options?: {
  installScript?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  packageDir?: string | null;
}): Promise<{ ok: true } | { ok: false; reason: string }>;
export declare function missingMessage(reason: string, required: boolean): string;
