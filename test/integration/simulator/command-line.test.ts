// `npm run sim -- …`: the simulator's options as a person types them, against the built entry point.
import { once } from 'node:events';
import { runNode, startNode } from '../../helpers/processes';

const SIMULATOR = 'dist/src/simulator/main.js';

describe('simulator command line', () => {
  it.each([
    [['--port'], '--port needs a value'],
    [['--port', 'abc'], '--port must be a port number (got "abc")'],
    [['--port', 'abc', '--port', '5080'], '--port must be a port number (got "abc")'],
    [['--generate', '0'], '--generate must be a worker count from 1 to 1000000'],
    [['--token', ''], '--token must not be empty'],
    [['--seed', '/nonexistent/seed.json', '--generate', '3'], 'cannot read seed file /nonexistent/seed.json: ENOENT'],
    [['--verbose'], 'unknown option --verbose'],
    [['--throttle=yes'], 'unknown option --throttle=yes'],
    [['-x'], 'unknown option -x'],
    [['--throttle', 'now'], 'unknown option now'],
  ])('refuses %j with exit 2, the line "%s" and the usage text', async (args, line) => {
    const result = await runNode(SIMULATOR, args, {});
    expect(result).toMatchObject({ code: 2, stdout: '' });
    const [first, second] = result.stderr.split('\n');
    expect(first).toBe(`simulator: ${line}`);
    expect(second).toMatch(/^usage: npm run sim -- /);
  });

  it('does not take the option after one that needs a value as its value', async () => {
    const result = await runNode(SIMULATOR, ['--port', '0', '--token', '--throttle'], {});
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('simulator: --token needs a value');
  });

  it.each([['--help'], ['-h']])('%s prints only the usage text, with exit 2', async (flag) => {
    const result = await runNode(SIMULATOR, [flag], {});
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^usage: npm run sim -- \[--port 5080\]/);
  });

  /** The tenant the simulator says it serves once it listens; it is stopped again. */
  async function tenantStartedWith(args: string[]): Promise<string> {
    const { child, match } = await startNode(SIMULATOR, {}, /tenant "([^"]+)" with \d+ users/, 15000, args);
    child.kill('SIGTERM');
    await once(child, 'exit');
    return match[1];
  }

  it('starts with the tenant of the last --seed or --generate', async () => {
    expect(await tenantStartedWith(['--generate', '5', '--generate', '3', '--port', '0', '--throttle'])).toBe(
      'Bench tenant (3 workers)',
    );
  });

  it('takes --name=value, also for a value that starts with a dash', async () => {
    expect(await tenantStartedWith(['--port=0', '--generate=2', '--token=-abc'])).toBe('Bench tenant (2 workers)');
  });
});
