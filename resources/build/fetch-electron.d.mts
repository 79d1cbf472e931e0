/** Types of fetch-electron.mjs, for its tests. */
export declare const DEFAULT_TIMEOUT_MS: number;
export declare function fetchElectron(options?: {
  installScript?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}): Promise<{ ok: true } | { ok: false; reason: string }>;
export declare function missingMessage(reason: string, required: boolean): string;
