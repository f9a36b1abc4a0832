// The env given to the nested `npm install code-server`: an outer `npm run` must not leak into it.
import * as assert from 'assert';
import { withNode24, withoutOuterNpm } from '../../harness/install';

describe('harness: environment of the tool installs', () => {
  it('drops npm_* variables of an outer npm run, keeps the cache and registry a person chose', () => {
    const env = withoutOuterNpm({
      PATH: '/usr/bin',
      npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64',
      npm_config_local_prefix: '/repo',
      npm_lifecycle_event: 'test:integration',
      npm_package_name: 'coaching-journal',
      npm_config_cache: '/tmp/npm-cache',
      npm_config_registry: 'http://127.0.0.1:4873/',
    });
    assert.deepStrictEqual(env, { PATH: '/usr/bin', npm_config_cache: '/tmp/npm-cache', npm_config_registry: 'http://127.0.0.1:4873/' });
  });

  it('puts Node 24 first on PATH', () => {
    assert.strictEqual(withNode24({ PATH: '/usr/bin' }, '/cache/node/bin').PATH, '/cache/node/bin:/usr/bin');
  });
});
