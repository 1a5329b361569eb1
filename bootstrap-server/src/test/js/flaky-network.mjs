// A network a test can switch off, between a client and a real server: it wraps a real WebSocket constructor, so the
// client under test is the one that ships and the server is real. Down, every open socket is cut (the client hears
// 1006 at once, as when Wi-Fi drops) and new ones fail; outbound frames of a type can be lost, inbound ones doubled.

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

export class FlakyNetwork {
    up = true;
    /** A frame type whose outbound frames are lost, or null. */
    dropOutbound = null;
    /** A frame type whose inbound frames arrive twice, or null. */
    duplicateInbound = null;
    live = new Set();

    /** @param report (what, frame) for every outbound frame: 'sent' or 'dropped' */
    constructor(RealWebSocket, report) {
        this.RealWebSocket = RealWebSocket;
        this.report = report;
        const network = this;
        this.WebSocket = class FlakySocket {
            static CONNECTING = CONNECTING;
            static OPEN = OPEN;
            static CLOSING = CLOSING;
            static CLOSED = CLOSED;

            constructor(url) {
                this.url = url;
                this.readyState = CONNECTING;
                this.onopen = this.onmessage = this.onerror = this.onclose = null;
                if (!network.up) {
                    setTimeout(() => this.#end(1006, 'network down', true), 0);
                    return;
                }
                const real = new network.RealWebSocket(url);
                this.real = real;
                network.live.add(this);
                real.onopen = () => {
                    this.readyState = OPEN;
                    this.onopen?.({});
                };
                real.onmessage = (event) => {
                    this.onmessage?.({ data: event.data });
                    if (network.duplicateInbound && typeOf(event.data) === network.duplicateInbound) {
                        this.onmessage?.({ data: event.data });
                    }
                };
                real.onerror = () => this.onerror?.({});
                real.onclose = (event) => this.#end(event.code, event.reason, false);
            }

            send(text) {
                if (this.readyState !== OPEN) {
                    throw new Error('socket not open');
                }
                const frame = JSON.parse(text);
                if (network.dropOutbound && frame.type === network.dropOutbound) {
                    network.report('dropped', frame);
                    return;
                }
                network.report('sent', frame);
                this.real.send(text);
            }

            close(code, reason) {
                if (this.readyState >= CLOSING) {
                    return;
                }
                this.readyState = CLOSING;
                this.real?.close(code, reason);
            }

            /** The network vanished under this socket. */
            cut() {
                const real = this.real;
                real.onopen = real.onmessage = real.onerror = real.onclose = null;
                try {
                    real.close();
                } catch {
                    // closing a socket that never opened
                }
                this.#end(1006, 'network down', true);
            }

            #end(code, reason, withError) {
                network.live.delete(this);
                if (this.readyState === CLOSED) {
                    return;
                }
                this.readyState = CLOSED;
                if (withError) {
                    this.onerror?.({});
                }
                this.onclose?.({ code, reason: reason ?? '' });
            }
        };
    }

    down() {
        this.up = false;
        for (const socket of [...this.live]) {
            socket.cut();
        }
    }

    restore() {
        this.up = true;
    }
}

function typeOf(data) {
    try {
        return JSON.parse(String(data)).type;
    } catch {
        return undefined;
    }
}
