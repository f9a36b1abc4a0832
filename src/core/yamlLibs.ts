/**
 * The two YAML libraries, each required the first time it is used rather than when the core is loaded:
 * together they were half of the extension's bundle, and activation needs neither. js-yaml reads notes
 * (after activation, and only those not restored from the cache); `yaml` only edits. The extension's
 * build (esbuild.config.mjs) ships each as its own file beside dist/extension.js and points these
 * require() calls at it; the CLI's bundle and the tests require them as usual.
 */
import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';

let loadedJsYaml: typeof JsYaml | undefined;
let loadedYaml: typeof Yaml | undefined;

/** js-yaml, the fast read path (yamlRead.ts). */
export function jsYamlLib(): typeof JsYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  return (loadedJsYaml ??= require('js-yaml') as typeof JsYaml);
}

/** `yaml`, whose Document keeps comments and styles: the edit path (yamlEdit.ts). */
export function yamlLib(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  return (loadedYaml ??= require('yaml') as typeof Yaml);
}
