/**
 * Herald's JavaScript client: one ES module without dependencies, for browsers and Node 20+.
 *
 * A client holds one player's connection: it joins the session, reconnects with exponential backoff and jitter,
 * reads catch-up after every (re)connect and acknowledges what reached it, resubscribes rooms from the last offset it
 * saw, and hands each message to its listeners once, however often it arrives (live and again from catch-up, or
 * replayed by a room). WebSocket and fetch come from the options when the platform has none of its own (Node 20
 * has a global WebSocket only with --experimental-websocket).
 */

const DEFAULT_RECONNECT = Object.freeze({ initialDelayMs: 500, maxDelayMs: 30_000, factor: 2, jitter: 0.5 });
const CATCH_UP_PAGE_LIMIT = 100;
/** A runaway cursor must not loop forever; 50 pages of 100 is far more than a player is ever owed. */
const CATCH_UP_MAX_PAGES = 50;
/** Ids remembered to drop repeats; older ones are past any catch-up or replay window long before this many. */
const REMEMBERED_IDS = 10_000;
const SEND_TIMEOUT_MS = 10_000;
/** Close codes after which connecting again cannot help: 1008 is an invalid or expired token. */
const FATAL_CLOSE_CODES = new Set([1008]);

export const ConnectionState = Object.freeze({
    IDLE: 'idle',
    CONNECTING: 'connecting',
    JOINED: 'joined',
    RECONNECTING: 'reconnecting',
    CLOSED: 'closed',
});

/** An HTTP answer other than 2xx, with Herald's error body ({code, message, field?}) when there is one. */
export class HeraldHttpError extends Error {
    constructor(status, body) {
        super(`HTTP ${status}${body && body.code ? ` ${body.code}: ${body.message}` : ''}`);
        this.name = 'HeraldHttpError';
        this.status = status;
        this.code = body && body.code;
        this.body = body;
    }
}

/** A set that forgets its oldest entries past a size, so a long session does not grow without bound. */
class RecentIds {
    #ids = new Set();

    /** @returns true when the id is new (and now remembered) */
    add(id) {
        if (this.#ids.has(id)) {
            return false;
        }
        this.#ids.add(id);
        if (this.#ids.size > REMEMBERED_IDS) {
            this.#ids.delete(this.#ids.values().next().value);
        }
        return true;
    }
}

function platformFetch(given) {
    const chosen = given ?? globalThis.fetch;
    if (typeof chosen !== 'function') {
        throw new Error('no fetch: pass options.fetch');
    }
    // A browser's fetch must be called on the window, not on the options object.
    return given ? given : (...args) => globalThis.fetch(...args);
}

async function readJson(response) {
    const text = await response.text();
    let body = null;
    try {
        body = text ? JSON.parse(text) : null;
    } catch {
        body = { message: text };
    }
    if (!response.ok) {
        throw new HeraldHttpError(response.status, body);
    }
    return body;
}

function defaultBaseUrl() {
    return globalThis.location ? globalThis.location.origin : undefined;
}

/**
 * Registers a player: creates a team (or a solo run), or joins one when teamCode is given.
 * @returns {Promise<{teamCode, sessionId, playerId, playerName, mode, token, websocketUrl}>}
 */
export async function register({ baseUrl = defaultBaseUrl(), playerName, teamCode, mode = 'team', travelMode, fetch } = {}) {
    const body = { playerName, mode };
    if (teamCode) {
        body.teamCode = teamCode;
    }
    if (travelMode) {
        body.travelMode = travelMode;
    }
    const answer = await readJson(await platformFetch(fetch)(new URL('/api/teams', baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
    }));
    return { teamCode: answer.teamCode, ...answer.session, token: answer.token, websocketUrl: answer.websocketUrl };
}

export class HeraldClient {
    #options;
    #fetch;
    #WebSocket;
    #listeners = new Map();
    #state = ConnectionState.IDLE;
    #socket = null;
    /** Which connection an asynchronous step belongs to; a step of an older one changes nothing. */
    #serial = 0;
    #attempt = 0;
    #reconnectTimer = null;
    #catchUpTimer = null;
    #pingTimer = null;
    #lastHeard = 0;
    #stopped = true;
    #joinWaiters = [];
    #outbox = new Map();
    #pendingSends = new Map();
    #seenMessages = new RecentIds();
    #seenNotifications = new RecentIds();
    #seenRoomMessages = new RecentIds();
    #rooms = new Map();

    /**
     * @param {object} options
     * @param {string} options.token the player's session token (from registration)
     * @param {string} options.sessionId
     * @param {string} options.playerId
     * @param {string} [options.baseUrl] the server's HTTP address; the page's origin in a browser
     * @param {string} [options.websocketUrl] defaults to the base URL's /ws
     * @param {Function} [options.WebSocket] a WebSocket constructor (browser API); defaults to the global one
     * @param {Function} [options.fetch] defaults to the global fetch
     * @param {object} [options.reconnect] {initialDelayMs, maxDelayMs, factor, jitter (0..1)}
     * @param {number} [options.pingIntervalMs] keep-alive; a connection silent for two intervals is replaced
     * @param {boolean} [options.autoAcknowledge] send ai_message_delivered for each message handed to listeners
     * @param {Function} [options.random] for the jitter; Math.random by default
     */
    constructor(options) {
        for (const required of ['token', 'sessionId', 'playerId']) {
            if (!options || !options[required]) {
                throw new Error(`HeraldClient needs options.${required}`);
            }
        }
        const baseUrl = options.baseUrl ?? defaultBaseUrl();
        if (!baseUrl) {
            throw new Error('HeraldClient needs options.baseUrl outside a browser');
        }
        this.#options = {
            pingIntervalMs: 25_000,
            autoAcknowledge: true,
            random: Math.random,
            ...options,
            baseUrl,
            reconnect: { ...DEFAULT_RECONNECT, ...options.reconnect },
        };
        this.#fetch = platformFetch(options.fetch);
        this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
        if (typeof this.#WebSocket !== 'function') {
            throw new Error('no WebSocket: pass options.WebSocket (Node 20: run with --experimental-websocket, or use the ws package)');
        }
    }

    get state() {
        return this.#state;
    }

    get sessionId() {
        return this.#options.sessionId;
    }

    get playerId() {
        return this.#options.playerId;
    }

    /**
     * Listens for: 'state' {state, attempt?, delayMs?, code?, reason?}, 'ai_message' (message, {source}),
     * 'notification' (notification, {source}), 'runtime_delta', 'room_message', 'room_subscribed', 'caught_up'
     * {messages, notifications}, 'error' (an error frame or an Error), and 'frame' for every frame received.
     * @returns a function that stops listening
     */
    on(type, listener) {
        if (!this.#listeners.has(type)) {
            this.#listeners.set(type, new Set());
        }
        this.#listeners.get(type).add(listener);
        return () => this.off(type, listener);
    }

    off(type, listener) {
        this.#listeners.get(type)?.delete(listener);
    }

    /** Connects (and keeps reconnecting until close()); resolves once the session is joined. */
    connect() {
        const joined = new Promise((resolve, reject) => this.#joinWaiters.push({ resolve, reject }));
        // A caller that does not wait for the join must not get an unhandled rejection when it is closed first.
        joined.catch(() => {});
        if (this.#stopped) {
            this.#stopped = false;
            this.#attempt = 0;
            this.#open();
        } else if (this.#state === ConnectionState.JOINED) {
            this.#settleJoinWaiters(null);
        }
        return joined;
    }

    /** Closes for good: no reconnect until connect() is called again. */
    close() {
        this.#stopped = true;
        clearTimeout(this.#reconnectTimer);
        this.#reconnectTimer = null;
        const socket = this.#socket;
        this.#detach();
        if (socket) {
            try {
                socket.close(1000, 'client closed');
            } catch {
                // already closing
            }
        }
        this.#failPendingSends(new Error('client closed'));
        this.#settleJoinWaiters(new Error('client closed'));
        this.#setState(ConnectionState.CLOSED, { code: 1000, reason: 'client closed' });
    }

    /** Marks a message read (ai_message_read); sent at once when joined, else as soon as the session is joined again. */
    markRead(sk) {
        this.#acknowledge('ai_message_read', sk);
    }

    /** Acknowledges delivery by hand, for a client made with autoAcknowledge: false. */
    markDelivered(sk) {
        this.#acknowledge('ai_message_delivered', sk);
    }

    markNotificationRead(notificationId) {
        this.#queue(`notification_read|${notificationId}`, { type: 'notification_read', notificationId });
    }

    /**
     * Follows a room live. With since (or an earlier position of this client) the messages missed after it come
     * first; the client keeps the last offset and epoch it saw and resubscribes from there after each reconnect.
     */
    subscribeRoom(roomId, { since } = {}) {
        const room = this.#rooms.get(roomId) ?? { offset: null, epoch: null };
        if (since) {
            room.offset = since.offset;
            room.epoch = since.epoch;
        }
        this.#rooms.set(roomId, room);
        if (this.#state === ConnectionState.JOINED) {
            this.#sendNow(this.#subscribeFrame(roomId, room));
        }
    }

    unsubscribeRoom(roomId) {
        this.#rooms.delete(roomId);
        if (this.#state === ConnectionState.JOINED) {
            this.#sendNow({ type: 'room_unsubscribe', roomId });
        }
    }

    /** The last position seen in a room, {offset, epoch}, or null before anything was seen there. */
    roomPosition(roomId) {
        const room = this.#rooms.get(roomId);
        return room && room.offset !== null ? { offset: room.offset, epoch: room.epoch } : null;
    }

    /**
     * Sends to a room over the socket; resolves with the server's room_sent. Refused at once when not joined; the
     * clientMessageId makes a retry of the same message safe (the server stores it once).
     */
    sendToRoom(roomId, text, { clientMessageId = randomId() } = {}) {
        if (this.#state !== ConnectionState.JOINED) {
            return Promise.reject(new Error('not connected'));
        }
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.#pendingSends.delete(clientMessageId);
                reject(new Error('no answer to room_send'));
            }, SEND_TIMEOUT_MS);
            this.#pendingSends.set(clientMessageId, { resolve, reject, timer });
            this.#sendNow({ type: 'room_send', roomId, text, clientMessageId, ref: clientMessageId });
        });
    }

    /** Any frame, sent as it is when joined; false when it could not be sent. */
    send(frame) {
        return this.#state === ConnectionState.JOINED && this.#sendNow(frame);
    }

    /** An authenticated HTTP call to the server with this player's token; resolves with the JSON answer. */
    async request(method, path, body) {
        const headers = { Authorization: `Bearer ${this.#options.token}` };
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        const response = await this.#fetch(new URL(path, this.#options.baseUrl), {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        return readJson(response);
    }

    /** Reports a game event as this player (what a game runtime does): POST /runtime/events. */
    reportEvent(event) {
        return this.request('POST', '/runtime/events', {
            sessionId: this.#options.sessionId, playerId: this.#options.playerId, ...event,
        });
    }

    /** Joins a general room over HTTP, making it first when nobody has. Subscribe to follow it live. */
    async joinRoom(roomId, { name } = {}) {
        const path = `/api/rooms/${encodeURIComponent(roomId)}`;
        try {
            return await this.request('POST', `${path}/join`);
        } catch (error) {
            if (!(error instanceof HeraldHttpError) || error.status !== 404) {
                throw error;
            }
        }
        try {
            return await this.request('POST', '/api/rooms', name ? { roomId, name } : { roomId });
        } catch (error) {
            // Someone else made it in between: joining now finds it.
            if (error instanceof HeraldHttpError && error.status === 409) {
                return this.request('POST', `${path}/join`);
            }
            throw error;
        }
    }

    /** A room's newest messages over HTTP, oldest first (at most limit). */
    async roomHistory(roomId, { limit = 50 } = {}) {
        const page = await this.request('GET', `/api/rooms/${encodeURIComponent(roomId)}/messages?limit=${limit}`);
        return [...(page.messages ?? [])].reverse();
    }

    /** Reads catch-up now (it is read by itself after every join). */
    catchUp() {
        return this.#catchUp(this.#serial);
    }

    // ---- connection ----

    #open() {
        const serial = ++this.#serial;
        this.#setState(ConnectionState.CONNECTING, { attempt: this.#attempt });
        let socket;
        try {
            socket = new this.#WebSocket(this.#socketUrl());
        } catch (error) {
            this.#emit('error', error);
            this.#scheduleReconnect(undefined, String(error && error.message));
            return;
        }
        this.#socket = socket;
        socket.onopen = () => {
            if (serial === this.#serial) {
                this.#lastHeard = Date.now();
                this.#sendNow({
                    type: 'join_session', sessionId: this.#options.sessionId, playerId: this.#options.playerId, ref: 'join',
                });
            }
        };
        socket.onmessage = (event) => {
            if (serial === this.#serial) {
                this.#receive(event.data);
            }
        };
        // An error is always followed by a close, which decides what happens next.
        socket.onerror = () => {};
        socket.onclose = (event) => {
            if (serial === this.#serial) {
                this.#lost(event.code, event.reason);
            }
        };
    }

    #socketUrl() {
        const url = new URL(this.#options.websocketUrl ?? new URL('/ws', this.#options.baseUrl));
        if (url.protocol === 'http:' || url.protocol === 'https:') {
            url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        }
        url.searchParams.set('token', this.#options.token);
        return url.toString();
    }

    /** Forgets the current socket: whatever it still reports belongs to an older connection. */
    #detach() {
        this.#serial++;
        clearInterval(this.#pingTimer);
        clearTimeout(this.#catchUpTimer);
        this.#pingTimer = null;
        this.#catchUpTimer = null;
        const socket = this.#socket;
        this.#socket = null;
        if (socket) {
            socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
        }
    }

    #lost(code, reason) {
        this.#detach();
        this.#failPendingSends(new Error('connection lost'));
        if (this.#stopped) {
            return;
        }
        if (FATAL_CLOSE_CODES.has(code)) {
            this.#stopped = true;
            const error = new Error(`connection refused for good (${code} ${reason || ''})`.trim());
            this.#settleJoinWaiters(error);
            this.#setState(ConnectionState.CLOSED, { code, reason });
            this.#emit('error', error);
            return;
        }
        this.#scheduleReconnect(code, reason);
    }

    #scheduleReconnect(code, reason) {
        const delayMs = this.#backoff(this.#attempt);
        this.#attempt++;
        this.#setState(ConnectionState.RECONNECTING, { attempt: this.#attempt, delayMs, code, reason });
        clearTimeout(this.#reconnectTimer);
        this.#reconnectTimer = setTimeout(() => {
            this.#reconnectTimer = null;
            if (!this.#stopped) {
                this.#open();
            }
        }, delayMs);
    }

    /** Exponential, capped, and spread by jitter so that devices dropped together do not all return together. */
    #backoff(attempt) {
        const { initialDelayMs, maxDelayMs, factor, jitter } = this.#options.reconnect;
        const ceiling = Math.min(maxDelayMs, initialDelayMs * factor ** attempt);
        return Math.round(ceiling * (1 - jitter * this.#options.random()));
    }

    /** Replaces a connection that went silent: a dead network often reports nothing until the OS gives up. */
    #startKeepAlive() {
        const interval = this.#options.pingIntervalMs;
        if (!interval) {
            return;
        }
        this.#pingTimer = setInterval(() => {
            if (Date.now() - this.#lastHeard > 2 * interval) {
                const socket = this.#socket;
                this.#lost(4000, 'no answer to ping');
                try {
                    socket?.close();
                } catch {
                    // it is gone either way
                }
                return;
            }
            this.#sendNow({ type: 'ping' });
        }, interval);
    }

    #sendNow(frame) {
        const socket = this.#socket;
        if (!socket || socket.readyState !== 1) {
            return false;
        }
        try {
            socket.send(JSON.stringify(frame));
            return true;
        } catch (error) {
            this.#emit('error', error);
            return false;
        }
    }

    /** Acks and read marks wait here while there is no session, and go out once joined; one per subject. */
    #queue(key, frame) {
        if (this.#state === ConnectionState.JOINED && this.#sendNow(frame)) {
            return;
        }
        this.#outbox.set(key, frame);
    }

    #acknowledge(type, sk) {
        this.#queue(`${type}|${sk}`, { type, sessionId: this.#options.sessionId, sk, timestamp: new Date().toISOString() });
    }

    #flushOutbox() {
        for (const [key, frame] of [...this.#outbox]) {
            if (!this.#sendNow(frame)) {
                return;
            }
            this.#outbox.delete(key);
        }
    }

    // ---- frames ----

    #receive(data) {
        this.#lastHeard = Date.now();
        let frame;
        try {
            frame = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data));
        } catch (error) {
            this.#emit('error', error);
            return;
        }
        this.#emit('frame', frame);
        switch (frame.type) {
            case 'joined':
                this.#joined();
                break;
            case 'ai_message':
                this.#acceptMessage(frame, 'live');
                break;
            case 'notification':
                this.#acceptNotification(frame, 'live');
                break;
            case 'runtime_delta':
                this.#emit('runtime_delta', frame);
                break;
            case 'room_message':
                this.#acceptRoomMessage(frame);
                break;
            case 'room_subscribed':
                this.#roomSubscribed(frame);
                break;
            case 'room_sent':
                this.#settleSend(frame.clientMessageId, null, frame);
                break;
            case 'error':
                this.#serverError(frame);
                break;
            default:
                break;
        }
    }

    #joined() {
        const serial = this.#serial;
        this.#attempt = 0;
        this.#setState(ConnectionState.JOINED);
        this.#startKeepAlive();
        this.#flushOutbox();
        for (const [roomId, room] of this.#rooms) {
            this.#sendNow(this.#subscribeFrame(roomId, room));
        }
        this.#settleJoinWaiters(null);
        this.#catchUp(serial);
    }

    #serverError(frame) {
        if (frame.ref === 'join' && frame.code === 'unavailable') {
            const socket = this.#socket;
            this.#lost(1011, 'join unavailable');
            try {
                socket?.close(1000, 'join unavailable');
            } catch {
                // gone already
            }
        } else if (frame.ref === 'join') {
            // The token is fine but this session or player is not its own: retrying cannot succeed.
            const socket = this.#socket;
            this.#stopped = true;
            this.#detach();
            try {
                socket?.close(1000, 'join refused');
            } catch {
                // gone already
            }
            const error = new Error(`join refused: ${frame.code}`);
            this.#settleJoinWaiters(error);
            this.#setState(ConnectionState.CLOSED, { code: 1000, reason: frame.code });
        } else if (frame.ref && this.#pendingSends.has(frame.ref)) {
            this.#settleSend(frame.ref, Object.assign(new Error(`${frame.code}: ${frame.message}`), { frame }));
        }
        this.#emit('error', frame);
    }

    #acceptMessage(message, source) {
        const fresh = this.#seenMessages.add(message.sk);
        if (fresh) {
            this.#emit('ai_message', message, { source });
        }
        // A repeat is acknowledged again: it came back because the first ack never arrived.
        if (this.#options.autoAcknowledge && (fresh || source === 'catch-up')) {
            this.markDelivered(message.sk);
        }
    }

    #acceptNotification(notification, source) {
        if (this.#seenNotifications.add(notification.notificationId)) {
            this.#emit('notification', notification, { source });
        }
    }

    #acceptRoomMessage(message) {
        if (!this.#seenRoomMessages.add(`${message.roomId}|${message.epoch}|${message.offset}`)) {
            return;
        }
        const room = this.#rooms.get(message.roomId);
        if (room) {
            if (room.epoch !== message.epoch || room.offset === null || message.offset > room.offset) {
                room.epoch = message.epoch;
                room.offset = message.offset;
            }
        }
        this.#emit('room_message', message);
    }

    /** The room's head as the server saw it; when it could not replay everything, that is where the client stands. */
    #roomSubscribed(frame) {
        const room = this.#rooms.get(frame.roomId);
        if (room) {
            const behind = room.offset === null || room.epoch !== frame.epoch || frame.offset > room.offset;
            if (!frame.recovered || behind) {
                room.offset = frame.offset;
                room.epoch = frame.epoch;
            }
        }
        this.#emit('room_subscribed', frame);
    }

    #subscribeFrame(roomId, room) {
        const frame = { type: 'room_subscribe', roomId };
        if (room.offset !== null && room.epoch !== null) {
            frame.since = { offset: room.offset, epoch: room.epoch };
        }
        return frame;
    }

    // ---- catch-up ----

    async #catchUp(serial) {
        const messages = [];
        const notifications = [];
        try {
            let cursor = null;
            let pages = 0;
            do {
                const query = new URLSearchParams({
                    sessionId: this.#options.sessionId, playerId: this.#options.playerId, limit: String(CATCH_UP_PAGE_LIMIT),
                });
                if (cursor) {
                    query.set('cursor', cursor);
                }
                const page = await this.request('GET', `/runtime/messages/undelivered?${query}`);
                messages.push(...(page.messages ?? []));
                notifications.push(...(page.notifications ?? []));
                cursor = page.nextCursor ?? null;
                pages++;
            } while (cursor && pages < CATCH_UP_MAX_PAGES);
        } catch (error) {
            this.#emit('error', error);
            const hopeless = error instanceof HeraldHttpError && (error.status === 401 || error.status === 403);
            if (!hopeless && serial === this.#serial && !this.#stopped) {
                clearTimeout(this.#catchUpTimer);
                this.#catchUpTimer = setTimeout(() => this.#catchUp(serial), this.#backoff(1));
            }
            return;
        }
        // Taken even when the connection changed meanwhile: repeats are dropped, and acks wait for the next join.
        for (const message of messages) {
            this.#acceptMessage(message, 'catch-up');
        }
        for (const notification of notifications) {
            this.#acceptNotification(notification, 'catch-up');
        }
        this.#emit('caught_up', { messages: messages.length, notifications: notifications.length });
    }

    // ---- plumbing ----

    #settleSend(clientMessageId, error, frame) {
        const pending = this.#pendingSends.get(clientMessageId);
        if (!pending) {
            return;
        }
        this.#pendingSends.delete(clientMessageId);
        clearTimeout(pending.timer);
        if (error) {
            pending.reject(error);
        } else {
            pending.resolve(frame);
        }
    }

    #failPendingSends(error) {
        for (const id of [...this.#pendingSends.keys()]) {
            this.#settleSend(id, error);
        }
    }

    #settleJoinWaiters(error) {
        const waiters = this.#joinWaiters;
        this.#joinWaiters = [];
        for (const waiter of waiters) {
            if (error) {
                waiter.reject(error);
            } else {
                waiter.resolve();
            }
        }
    }

    #setState(state, details = {}) {
        this.#state = state;
        this.#emit('state', { state, ...details });
    }

    /** A listener that throws must not break the connection; its error is reported apart. */
    #emit(type, ...args) {
        for (const listener of [...(this.#listeners.get(type) ?? [])]) {
            try {
                listener(...args);
            } catch (error) {
                if (typeof globalThis.reportError === 'function') {
                    globalThis.reportError(error);
                } else {
                    console.error(error);
                }
            }
        }
    }
}

function randomId() {
    if (globalThis.crypto && typeof globalThis.crypto.randomUUID === 'function') {
        return globalThis.crypto.randomUUID();
    }
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
