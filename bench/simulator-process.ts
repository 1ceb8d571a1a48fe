import { spawn } from 'node:child_process';
import path from 'node:path';

/** Starts the simulator in its own process (as npm start does) and resolves with its URL. */
export function startSimulatorProcess(args: string[]): Promise<{ url: string; stop: () => void }> {
  const entry = path.join(__dirname, '..', 'src', 'simulator', 'main.js');
  const child = spawn(process.execPath, [entry, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
}
