/** The journal core's public surface (no `vscode`, no `fs`). */
export * from './types';
export * from './text';
export * from './dates';
export * from './frontmatter';
export * from './parse';
export * from './journal';
export * from './status';
export * from './ids';
export * from './paths';
export * from './render';
export * from './yamlEdit';
export * from './edits';
export * from './notes';
export * from './store';
export * from './stats';
export * from './map';
export * from './evidence';
