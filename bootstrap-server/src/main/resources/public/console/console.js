// The player console: registration or joining a team, then one HeraldClient for the page. The player's session is
// kept in localStorage, so a reload (or a return later) resumes it and catch-up brings what was missed meanwhile.

import { HeraldClient, HeraldHttpError, register } from '/client/herald.js';
import { MessageBoard, element, formatTime } from './messages.js';
import { RoomChat } from './chat.js';

const STORAGE_KEY = 'herald.console.session';
const $ = (id) => document.getElementById(id);

const names = new Map();
let client = null;
let session = null;
let rosterTimer = null;
/** Who of the team is online is read now and then; nothing pushes it. */
const ROSTER_EVERY_MS = 15_000;

const board = new MessageBoard($('messages'), $('messages-empty'), (kind, id) => {
    if (kind === 'ai') {
        client?.markRead(id);
    } else {
        client?.markNotificationRead(id);
    }
});
const chat = new RoomChat({ list: $('room-messages'), chatForm: $('chat-form'), status: $('room-status') }, nameOf);

let rosterRefresh = null;

/** A teammate not yet known (joined after this page read the roster) gets named once the roster is read again. */
function nameOf(sessionId, playerId) {
    const mine = sessionId === session?.sessionId;
    if (mine && names.has(playerId)) {
        return names.get(playerId);
    }
    if (mine && client && !rosterRefresh) {
        rosterRefresh = setTimeout(() => {
            rosterRefresh = null;
            refreshRoster();
        }, 0);
    }
    return `Player …${String(playerId).slice(-4)}`;
}

function saved() {
    try {
        return JSON.parse(localStorage.getItem(STORAGE_KEY));
    } catch {
        return null;
    }
}

function save() {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

// ---- onboarding ----

function onboarding(error) {
    $('console').hidden = true;
    $('onboarding').hidden = false;
    $('who').textContent = '';
    const message = $('onboarding-error');
    message.hidden = !error;
    message.textContent = error ?? '';
}

async function registerWith(form, teamCode) {
    const button = form.querySelector('button');
    button.disabled = true;
    try {
        const registration = await register({
            baseUrl: location.origin, playerName: form.elements.playerName.value.trim(), teamCode,
        });
        session = registration;
        save();
        start();
    } catch (error) {
        onboarding(describe(error));
    } finally {
        button.disabled = false;
    }
}

function describe(error) {
    if (error instanceof HeraldHttpError) {
        if (error.code === 'unknown_team') {
            return 'No team has that code.';
        }
        return error.body?.message ?? error.message;
    }
    return `The server could not be reached (${error.message}).`;
}

$('register-form').addEventListener('submit', (event) => {
    event.preventDefault();
    registerWith(event.target);
});
$('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    registerWith(event.target, event.target.elements.teamCode.value.trim().toUpperCase());
});
$('leave').addEventListener('click', () => {
    client?.close();
    client = null;
    clearInterval(rosterTimer);
    session = null;
    localStorage.removeItem(STORAGE_KEY);
    board.clear();
    chat.leave();
    $('activity').replaceChildren();
    showConnection({ state: 'idle' });
    onboarding();
});

// ---- the console ----

function start() {
    $('onboarding').hidden = true;
    $('console').hidden = false;
    $('team-code').textContent = session.teamCode;
    $('who').textContent = `${session.playerName}`;
    names.set(session.playerId, session.playerName);
    const roomInput = $('room-form').elements.roomId;
    roomInput.value = session.roomId ?? `team-${session.teamCode}`;

    client = new HeraldClient({
        baseUrl: location.origin,
        token: session.token,
        sessionId: session.sessionId,
        playerId: session.playerId,
    });
    client.on('state', showConnection);
    client.on('state', ({ state }) => {
        if (state === 'joined') {
            refreshRoster();
        }
    });
    client.on('ai_message', (message, { source }) => board.showMessage(message, source));
    client.on('notification', (notification, { source }) => board.showNotification(notification, source));
    client.on('runtime_delta', showDeltas);
    chat.attach(client);
    rosterTimer = setInterval(refreshRoster, ROSTER_EVERY_MS);
    client.connect().then(() => {
        if (session.roomId) {
            chat.join(session.roomId).catch(() => {});
        }
    }, () => {});
}

function showConnection({ state, delayMs, attempt, code }) {
    const indicator = $('connection');
    indicator.dataset.state = state;
    const label = {
        idle: 'Not connected',
        connecting: 'Connecting…',
        joined: 'Online',
        reconnecting: `Reconnecting in ${Math.ceil((delayMs ?? 0) / 1000)} s (attempt ${attempt ?? 1})`,
        closed: code === 1008 ? 'Session expired: leave and register again' : 'Disconnected',
    }[state] ?? state;
    $('connection-label').textContent = label;
}

async function refreshRoster() {
    try {
        const snapshot = await client.request('GET', `/api/runtime/session/${encodeURIComponent(session.sessionId)}`);
        for (const player of snapshot.players ?? []) {
            names.set(player.playerId, player.playerName);
        }
        $('roster').replaceChildren(...(snapshot.players ?? []).map((p) => {
            const player = element('span', 'player', p.playerName);
            player.dataset.online = String(p.devicesOnline > 0);
            player.title = p.devicesOnline > 0 ? 'online' : 'offline';
            return player;
        }));
        for (const who of document.querySelectorAll('[data-player]')) {
            who.textContent = nameOf(session.sessionId, who.dataset.player);
        }
    } catch {
        // The roster is a courtesy; the console works without it.
    }
}

function showDeltas(frame) {
    for (const delta of frame.deltas ?? []) {
        const item = element('li');
        item.dataset.type = delta.type;
        const details = Object.entries(delta)
            .filter(([key]) => !['type', 'playerId', 'timestamp'].includes(key))
            .map(([key, value]) => `${key} ${value}`).join(', ');
        const who = element('strong', '', delta.playerId ? nameOf(session.sessionId, delta.playerId) : 'Team');
        if (delta.playerId) {
            who.dataset.player = delta.playerId;
        }
        item.append(element('time', '', formatTime(delta.timestamp)), who,
            document.createTextNode(` ${delta.type.toLowerCase().replaceAll('_', ' ')}${details ? ` (${details})` : ''}`));
        $('activity').prepend(item);
    }
    $('activity-empty').hidden = $('activity').children.length > 0;
}

$('room-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const roomId = event.target.elements.roomId.value.trim();
    chat.join(roomId).then(() => {
        session.roomId = roomId;
        save();
    }, () => {});
});

$('event-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = event.target.querySelector('button');
    button.disabled = true;
    try {
        await client.reportEvent({ eventType: 'NodeComplete', nodeId: event.target.elements.nodeId.value.trim() });
    } catch (error) {
        alert(describe(error));
    } finally {
        button.disabled = false;
    }
});

session = saved();
if (session?.token) {
    start();
} else {
    onboarding();
}
