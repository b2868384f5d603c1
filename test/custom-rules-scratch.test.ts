import { it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';
it('scratch', async () => {
    const dir = tempTree({
      'r.yaml': `customRules:\n  - id: org/t\n    description: d\n    message: "{{name}} has {{value}}"\n    given: $.metadata.annotations.note\n    then: {function: falsy}\n`,
      'a.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  annotations:\n    note: "{{id}} {{constructor}}"\n',
    });
    const r = await runCli(['--no-config', '--rules-file', 'r.yaml', '--format', 'json', 'a.yaml', '--debug'], { cwd: dir });
    console.log(r.code, r.stdout, r.stderr);
});
