// Types of build-state.mjs, for the TypeScript that asks it.
export type BuildPart = 'cli' | 'console';
export declare const ROOT: string;
export declare function fingerprint(part: BuildPart): string;
export declare function partState(part: BuildPart): 'fresh' | 'stale' | 'missing';
export declare function haveSources(): boolean;
