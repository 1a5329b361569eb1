// Runs the shipped JavaScript client (as the server serves it, /client/herald.js) for one player, for
// JavaScriptClientTest: commands come as JSON lines on stdin, and everything the client reports, every frame it sends
// and the answer to each command go out as JSON lines on stdout. Exits 0 after "close" (or the end of stdin), 1 when a
// command fails unexpectedly, 2 on a crash.
//
// Environment: HERALD_BASE_URL, HERALD_TOKEN, HERALD_SESSION_ID, HERALD_PLAYER_ID.

import { createInterface } from 'node:readline';
import { FlakyNetwork } from './flaky-network.mjs';

const env = process.env;
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

process.on('uncaughtException', (error) => {
    print({ event: 'crash', error: String(error && error.stack) });
    process.exit(2);
});
process.on('unhandledRejection', (error) => {
    print({ event: 'crash', error: String(error && error.stack) });
    process.exit(2);
});

if (typeof WebSocket !== 'function') {
    print({ event: 'crash', error: 'no global WebSocket: Node 20 needs --experimental-websocket' });
    process.exit(2);
}

const served = await fetch(new URL('/client/herald.js', env.HERALD_BASE_URL));
const source = await served.text();
print({ event: 'module', status: served.status, contentType: served.headers.get('content-type') });
const { HeraldClient } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

const network = new FlakyNetwork(WebSocket, (what, frame) => print({ event: what, frame }));
const client = new HeraldClient({
    baseUrl: env.HERALD_BASE_URL,
    token: env.HERALD_TOKEN,
    sessionId: env.HERALD_SESSION_ID,
    playerId: env.HERALD_PLAYER_ID,
    WebSocket: network.WebSocket,
    fetch,
    // Quick retries keep the test short; the shape of the backoff is the production one.
    reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
});

client.on('state', (state) => print({ event: 'state', ...state }));
client.on('ai_message', (message, { source: from }) => print({ event: 'ai_message', source: from, message }));
client.on('notification', (notification, { source: from }) => print({ event: 'notification', source: from, notification }));
client.on('runtime_delta', (frame) => print({ event: 'runtime_delta', frame }));
client.on('room_message', (message) => print({ event: 'room_message', message }));
client.on('room_subscribed', (frame) => print({ event: 'room_subscribed', frame }));
client.on('caught_up', (counts) => print({ event: 'caught_up', ...counts }));
client.on('error', (error) => print({ event: 'error', error: error instanceof Error ? error.message : error }));

const commands = {
    connect: () => client.connect(),
    network: ({ up }) => (up ? network.restore() : network.down()),
    dropOutbound: ({ type }) => {
        network.dropOutbound = type ?? null;
    },
    duplicateInbound: ({ type }) => {
        network.duplicateInbound = type ?? null;
    },
    markRead: ({ sk }) => client.markRead(sk),
    subscribeRoom: ({ roomId }) => client.subscribeRoom(roomId),
    sendToRoom: ({ roomId, text }) => client.sendToRoom(roomId, text),
    roomPosition: ({ roomId }) => client.roomPosition(roomId),
    close: () => client.close(),
};

let failed = false;
const input = createInterface({ input: process.stdin });
for await (const line of input) {
    if (!line.trim()) {
        continue;
    }
    const command = JSON.parse(line);
    const run = commands[command.cmd];
    try {
        if (!run) {
            throw new Error(`unknown command ${command.cmd}`);
        }
        const result = await run(command);
        print({ reply: command.cmd, ok: true, result: result ?? null });
    } catch (error) {
        failed ||= !command.mayFail;
        print({ reply: command.cmd, ok: false, error: error.message });
    }
    if (command.cmd === 'close') {
        break;
    }
}
client.close();
process.exit(failed ? 1 : 0);
