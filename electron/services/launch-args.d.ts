export declare function launchPaths(argv: readonly string[], options: {
    packaged: boolean;
    cwd: string;
}): string[];
