export declare const WEB_DIR: string;
export declare const DIST_DIR: string;
export declare function webBundleIsStale(): boolean;
export declare function ensureWebBundle(options?: {
  force?: boolean;
  quiet?: boolean;
}): Promise<{ built: boolean; dir: string }>;
