import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { TeamsAppManifest } from '@microsoft/app-manifest';
import { ROOT } from '../helpers/processes';

const appPackage = (file: string): string => path.join(ROOT, 'appPackage', file);

function readEnvFile(file: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path.join(ROOT, 'env', file), 'utf8').split('\n')) {
    const match = line.match(/^([A-Z0-9_]+)=(.*)$/);
    if (match) values[match[1]] = match[2];
  }
  return values;
}

/** Fills `${{VAR}}` the way the Agents Toolkit does, with sample ids where provisioning would write them. */
function filledManifest(): { manifest: TeamsAppManifest; missing: string[] } {
  const samples: Record<string, string> = {
    ...readEnvFile('.env.dev'),
    TEAMS_APP_ID: '3f6d1c2e-8b4a-4f1e-9a7d-2c5b8e9f0a11',
    BOT_ID: '9b2e7d4c-1a3f-4e5d-8c6b-7a9f0e1d2c33',
  };
  const missing: string[] = [];
  const text = readFileSync(appPackage('manifest.json'), 'utf8').replace(
    /\$\{\{([A-Z0-9_]+)\}\}/g,
    (_all, name: string) => {
      if (!(name in samples)) missing.push(name);
      return samples[name] ?? '';
    },
  );
  return { manifest: JSON.parse(text) as TeamsAppManifest, missing };
}

/** Validates against the official schema shipped in @microsoft/app-manifest, as its own validator does. */
function schemaErrors(manifest: unknown, manifestVersion: string): string[] {
  const schemaFile = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`,
  );
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  return validate(manifest)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

function readPng(file: string): PNG {
  return PNG.sync.read(readFileSync(appPackage(file)));
}

describe('Teams app package', () => {
  it('has a manifest that is valid against the official schema once the Toolkit placeholders are filled', () => {
    const { manifest, missing } = filledManifest();
    expect(missing).toEqual([]);
    const version = manifest.manifestVersion;
    expect(schemaErrors(manifest, version)).toEqual([]);
    expect(Number(version.split('.')[1])).toBeGreaterThanOrEqual(19);
  });

  it('rejects a manifest the schema forbids, so the validation above is real', () => {
    const { manifest } = filledManifest();
    const broken = { ...manifest, accentColor: 'blue', bots: [{ ...manifest.bots![0], scopes: ['everywhere'] }] };
    const errors = schemaErrors(broken, manifest.manifestVersion);
    expect(errors.join('\n')).toMatch(/accentColor/);
    expect(errors.join('\n')).toMatch(/scopes/);
  });

  it('keeps the Toolkit placeholders for the app and bot ids', () => {
    const raw = JSON.parse(readFileSync(appPackage('manifest.json'), 'utf8'));
    expect(raw.id).toBe('${{TEAMS_APP_ID}}');
    expect(raw.bots[0].botId).toBe('${{BOT_ID}}');
  });

  it('offers the bot in personal, team and group chats, with a command for each conversation', () => {
    const { manifest } = filledManifest();
    const bot = manifest.bots![0];
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'team', 'groupChat']));
    const covered = new Set((bot.commandLists ?? []).flatMap((list) => list.scopes));
    expect(covered).toEqual(new Set(['personal', 'team', 'groupChat']));
    for (const list of bot.commandLists ?? []) {
      expect(list.commands.map((command) => command.title)).toEqual(
        expect.arrayContaining(['help', 'status', 'diagnose', 'add number', 'remove number', 'who has', 'pending']),
      );
    }
  });

  it('has a 192x192 opaque colour icon', () => {
    const png = readPng('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    for (let i = 3; i < png.data.length; i += 4) expect(png.data[i]).toBe(255);
  });

  it('has a 32x32 outline icon that is white on a fully transparent background', () => {
    const png = readPng('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    let drawn = 0;
    let transparent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([255, 255, 255]);
      if (png.data[i + 3] === 0) transparent++;
      if (png.data[i + 3] === 255) drawn++;
    }
    const corners = [0, 31, 32 * 31, 32 * 32 - 1].map((pixel) => png.data[pixel * 4 + 3]);
    expect(corners).toEqual([0, 0, 0, 0]);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(drawn).toBeGreaterThan(32 * 32 * 0.1);
  });
});
