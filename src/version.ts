declare const __ODYSSEY_VERSION__: string | undefined;
/** Replaced by the bundler; tests running from source read package.json's version the same way. */
export const VERSION: string = typeof __ODYSSEY_VERSION__ === 'string' ? __ODYSSEY_VERSION__ : '0.0.0-dev';
