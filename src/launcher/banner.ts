// What `npm start` prints once everything runs: where things are, whom to open as, and what to try.
import { displayName } from './playground-config';
import type { RunningPlayground } from './playground';

const THINGS_TO_TRY = ["why can't Bob sign in?", 'who has 07700 900456?', 'Ali lost their phone'] as const;

interface BannerInput {
  botUrl: string;
  simulatorUrl: string | undefined;
  manager: RunningPlayground;
  approver: RunningPlayground;
}

export function banner({ botUrl, simulatorUrl, manager, approver }: BannerInput): string {
  const as = (playground: RunningPlayground): string =>
    `${displayName(playground.role.alias)}, ${playground.role.description}`;
  return [
    '',
    'phonedesk is running (Ctrl-C stops everything):',
    `  bot                                 ${botUrl}/api/messages`,
    simulatorUrl
      ? `  simulated tenant "Contoso Retail"   ${simulatorUrl}`
      : '  Graph                               GRAPH_BASE_URL',
    `  ${playgroundLine(approver)}`,
    `  ${playgroundLine(manager)}`,
    '',
    `1. Open ${approver.url} first: you are ${as(approver)}; phonedesk can then send you approvals.`,
    `2. Open ${manager.url}: you are ${as(manager)}. Try:`,
    ...THINGS_TO_TRY.map((phrase) => `     ${phrase}`),
    '   and approve the request in the first page.',
    '',
  ].join('\n');
}

function playgroundLine(playground: RunningPlayground): string {
  return `${`${playground.role.title}'s playground`.padEnd(36)}${playground.url}`;
}
