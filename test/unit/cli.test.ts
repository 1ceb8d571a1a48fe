import { Writable } from 'node:stream';
import { run } from '../../src/cli/main';

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        text += chunk.toString();
        callback();
      },
    }),
    text: () => text,
  };
}

describe('phonedesk command-line tool', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('prints usage for help and exits 0', () => {
    const out = sink();
    expect(run(['help'], out.stream, sink().stream)).toBe(0);
    expect(out.text()).toMatch(/config check/);
  });

  it('refuses an unknown command with exit code 2', () => {
    const err = sink();
    expect(run(['frobnicate'], sink().stream, err.stream)).toBe(2);
    expect(err.text()).toMatch(/unknown command "frobnicate"/);
  });

  // Refused while reading the options, before any database is opened.
  it.each([
    [['audit', 'verify', '--data-dir'], '--data-dir needs a value'],
    [['audit', 'verify', '--data-dir='], '--data-dir needs a value'],
    [['audit', 'export', '--format', ''], '--format needs a value'],
    [['audit', 'export', '--format', 'csv', '--format', 'jsonl'], '--format is given twice'],
    [['audit', 'export', '--format=csv', '--since=2025-01-31', '--since', '2025-02-01'], '--since is given twice'],
    [['audit', 'verify', '--data-dir', 'a', '--data-dir=b'], '--data-dir is given twice'],
    [['audit', 'verify', '--verbose'], 'unknown option "--verbose"'],
    [['audit', 'verify', '--verbose=yes'], 'unknown option "--verbose=yes"'],
    [['audit', 'verify', '-v'], 'unknown option "-v"'],
    [['audit', 'export', '--since', '2025-01-31', '--format', 'csv', 'now'], 'unknown option "now"'],
    [['audit', 'verify', '--format', 'csv'], 'unknown option "--format"'],
  ])('refuses %j with exit 2 and the line "%s"', async (args, line) => {
    const out = sink();
    const err = sink();
    expect(await run(args, out.stream, err.stream)).toBe(2);
    expect(err.text()).toBe(`phonedesk: ${line}\n`);
    expect(out.text()).toBe('');
  });

  it('does not take the option after one that needs a value as its value', async () => {
    const err = sink();
    expect(await run(['audit', 'export', '--format', '--since', '2025-01-31'], sink().stream, err.stream)).toBe(2);
    expect(err.text()).toBe('phonedesk: --format needs a value\n');
  });

  it('config check shows the settings but never the secret values', () => {
    process.env.GRAPH_AUTH = 'client-secret';
    process.env.AZURE_TENANT_ID = '11111111-2222-3333-4444-555555555555';
    process.env.AZURE_CLIENT_ID = '66666666-7777-8888-9999-000000000000';
    process.env.AZURE_CLIENT_SECRET = 'super-secret-value';
    process.env.APPROVER_GROUP_IDS = '11111111-2222-3333-4444-555555555555';
    process.env.TENANT_ADMIN_GROUP_IDS = '11111111-2222-3333-4444-555555555555';
    const out = sink();
    expect(run(['config', 'check'], out.stream, sink().stream)).toBe(0);
    expect(out.text()).toMatch(/GRAPH_AUTH\s+client-secret/);
    expect(out.text()).toMatch(/AZURE_CLIENT_SECRET\s+\(set, hidden\)/);
    expect(out.text()).not.toContain('super-secret-value');
  });

  it('config check names the storage account of STORAGE=azure but never its key', () => {
    process.env.APPROVER_GROUP_IDS = '11111111-2222-3333-4444-555555555555';
    process.env.TENANT_ADMIN_GROUP_IDS = '11111111-2222-3333-4444-555555555555';
    process.env.STORAGE = 'azure';
    process.env.AZURE_STORAGE_CONNECTION_STRING = 'AccountName=contoso;AccountKey=a2V5LXZhbHVlLXNlY3JldA==';
    const out = sink();
    expect(run(['config', 'check'], out.stream, sink().stream)).toBe(0);
    expect(out.text()).toMatch(/STORAGE\s+azure \(shared by every instance\)/);
    expect(out.text()).toMatch(/AZURE_STORAGE_CONNECTION_STRING\s+\(set, hidden; account contoso\)/);
    expect(out.text()).toMatch(/AZURE_STORAGE_PREFIX\s+phonedesk/);
    expect(out.text()).not.toContain('a2V5LXZhbHVlLXNlY3JldA==');
  });

  it('config check exits 2 with the configuration error', () => {
    process.env.GRAPH_AUTH = 'certificate';
    delete process.env.AZURE_TENANT_ID;
    const err = sink();
    expect(run(['config', 'check'], sink().stream, err.stream)).toBe(2);
    expect(err.text()).toMatch(
      /^phonedesk: configuration error: AZURE_TENANT_ID is required when GRAPH_AUTH=certificate/,
    );
  });
});
