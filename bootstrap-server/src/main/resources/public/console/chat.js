// One room at a time: joined over HTTP (made when nobody has), its recent history read, then followed live from the
// newest message shown, so the socket brings exactly what comes after it.

import { element, formatTime } from './messages.js';

export class RoomChat {
    #client = null;
    #roomId = null;
    #shown = new Set();
    #elements;
    #nameOf;

    /** @param nameOf (sessionId, playerId) to a display name */
    constructor(elements, nameOf) {
        this.#elements = elements;
        this.#nameOf = nameOf;
        elements.chatForm.addEventListener('submit', (event) => {
            event.preventDefault();
            this.#send();
        });
    }

    get roomId() {
        return this.#roomId;
    }

    attach(client) {
        this.#client = client;
        client.on('room_message', (message) => {
            if (message.roomId === this.#roomId) {
                this.#show(message);
            }
        });
        client.on('room_subscribed', (frame) => {
            if (frame.roomId === this.#roomId) {
                this.#status(`In room ${frame.roomId}`);
            }
        });
    }

    async join(roomId) {
        const client = this.#client;
        if (this.#roomId && this.#roomId !== roomId) {
            client.unsubscribeRoom(this.#roomId);
        }
        this.#roomId = roomId;
        this.#shown.clear();
        this.#elements.list.replaceChildren();
        this.#status(`Joining ${roomId}…`);
        try {
            await client.joinRoom(roomId);
            const history = await client.roomHistory(roomId);
            history.forEach((message) => this.#show(message));
            const newest = history.at(-1);
            client.subscribeRoom(roomId, newest ? { since: { offset: newest.offset, epoch: newest.epoch } } : {});
            this.#enable(true);
        } catch (error) {
            this.#status(`Could not join ${roomId}: ${error.message}`);
            throw error;
        }
    }

    leave() {
        this.#roomId = null;
        this.#shown.clear();
        this.#elements.list.replaceChildren();
        this.#enable(false);
        this.#status('');
    }

    async #send() {
        const input = this.#elements.chatForm.elements.text;
        const text = input.value.trim();
        if (!text || !this.#roomId) {
            return;
        }
        try {
            await this.#client.sendToRoom(this.#roomId, text);
            input.value = '';
        } catch (error) {
            this.#status(`Not sent: ${error.message}`);
        }
    }

    #show(message) {
        const key = `${message.epoch}|${message.offset}`;
        if (this.#shown.has(key)) {
            return;
        }
        this.#shown.add(key);
        const mine = message.senderId === this.#client.playerId && message.senderSessionId === this.#client.sessionId;
        const line = element('li', mine ? 'mine' : '');
        line.dataset.offset = message.offset;
        const sender = element('span', 'sender', mine ? 'You' : this.#nameOf(message.senderSessionId, message.senderId));
        if (!mine && message.senderSessionId === this.#client.sessionId) {
            sender.dataset.player = message.senderId;
        }
        line.append(element('time', '', formatTime(message.ts)), sender, element('span', 'text', message.text));
        // Offsets give the order; a late one goes where it belongs.
        const later = [...this.#elements.list.children].find((other) => Number(other.dataset.offset) > message.offset);
        this.#elements.list.insertBefore(line, later ?? null);
        this.#elements.list.scrollTop = this.#elements.list.scrollHeight;
    }

    #enable(on) {
        for (const control of this.#elements.chatForm.elements) {
            control.disabled = !on;
        }
    }

    #status(text) {
        this.#elements.status.textContent = text;
    }
}
