export declare const systemChromiumPath: string | undefined
export declare const chromiumArgs: readonly string[]
