// AI messages and notifications as cards. Seed 000's rule: a message is read once the player clicks "Got it", expands
// it, or it has been on screen for 10 seconds; only then is ai_message_read sent.

export const VISIBLE_READ_MS = 10_000;

export class MessageBoard {
    #list;
    #empty;
    #cards = new Map();
    #timers = new Map();
    #observer;
    #visible = new Set();

    /** @param onRead (card kind, id) once per card, when one of the rules above marks it read */
    constructor(list, empty, onRead) {
        this.#list = list;
        this.#empty = empty;
        this.onRead = onRead;
        // A card counts as on screen when most of it is in view and the page itself is shown.
        this.#observer = new IntersectionObserver((entries) => {
            for (const entry of entries) {
                if (entry.isIntersecting) {
                    this.#visible.add(entry.target);
                } else {
                    this.#visible.delete(entry.target);
                }
            }
            this.#retime();
        }, { threshold: 0.6 });
        document.addEventListener('visibilitychange', () => this.#retime());
    }

    showMessage(message, source) {
        const broadcast = message.messageType === 'broadcast';
        this.#add(`ai:${message.sk}`, {
            kind: 'ai',
            id: message.sk,
            css: broadcast ? 'broadcast' : 'individual',
            badge: broadcast ? 'Team broadcast' : 'For you',
            at: message.timestamp,
            text: message.content,
            source,
        });
    }

    showNotification(notification, source) {
        this.#add(`notification:${notification.notificationId}`, {
            kind: 'notification',
            id: notification.notificationId,
            css: 'notification',
            badge: `Notification · ${notification.priority}`,
            at: notification.createdAt,
            title: notification.title,
            text: notification.message,
            source,
        });
    }

    clear() {
        for (const card of this.#cards.values()) {
            this.#observer.unobserve(card);
        }
        for (const timer of this.#timers.values()) {
            clearTimeout(timer);
        }
        this.#cards.clear();
        this.#timers.clear();
        this.#visible.clear();
        this.#list.replaceChildren();
        this.#empty.hidden = false;
    }

    #add(key, item) {
        if (this.#cards.has(key)) {
            return;
        }
        const card = document.createElement('li');
        card.className = `message ${item.css}`;
        card.dataset.kind = item.kind;
        card.dataset.id = item.id;
        if (item.kind === 'ai') {
            card.dataset.sk = item.id;
        }
        card.dataset.read = 'false';
        card.dataset.source = item.source;

        const head = element('div', 'message-head');
        head.append(element('span', 'badge', item.badge), element('time', '', formatTime(item.at)));
        card.append(head);
        if (item.title) {
            card.append(element('p', 'message-title', item.title));
        }
        card.append(element('p', 'message-content', item.text));

        const actions = element('div', 'message-actions');
        const expand = element('button', 'expand quiet', 'Expand');
        expand.type = 'button';
        expand.addEventListener('click', () => {
            const expanded = card.classList.toggle('expanded');
            expand.textContent = expanded ? 'Collapse' : 'Expand';
            if (expanded) {
                this.#markRead(card, 'expanded');
            }
        });
        const gotIt = element('button', 'got-it', 'Got it');
        gotIt.type = 'button';
        gotIt.addEventListener('click', () => this.#markRead(card, 'got-it'));
        actions.append(expand, gotIt, element('span', 'read-label', 'Read'));
        card.append(actions);

        this.#cards.set(key, card);
        this.#list.prepend(card);
        this.#empty.hidden = true;
        this.#observer.observe(card);
    }

    /** Starts the 10 s for each card on screen, and stops it for a card that left the screen or a hidden page. */
    #retime() {
        const shown = document.visibilityState === 'visible';
        for (const card of this.#cards.values()) {
            const counting = this.#timers.has(card);
            const should = shown && this.#visible.has(card) && card.dataset.read === 'false';
            if (should && !counting) {
                this.#timers.set(card, setTimeout(() => this.#markRead(card, 'seen-10s'), VISIBLE_READ_MS));
            } else if (!should && counting) {
                clearTimeout(this.#timers.get(card));
                this.#timers.delete(card);
            }
        }
    }

    #markRead(card, why) {
        if (card.dataset.read === 'true') {
            return;
        }
        card.dataset.read = 'true';
        card.dataset.readBy = why;
        clearTimeout(this.#timers.get(card));
        this.#timers.delete(card);
        this.#observer.unobserve(card);
        this.#visible.delete(card);
        this.onRead(card.dataset.kind, card.dataset.id);
    }
}

export function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
        node.className = className;
    }
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}

export function formatTime(iso) {
    const at = iso ? new Date(iso) : new Date();
    return Number.isNaN(at.getTime()) ? '' : at.toLocaleTimeString();
}
