// The player console in headless Chromium (Debian's, driven by playwright-core), for PlayerConsoleBrowserTest: two
// players of one team in two browser contexts, each with its own storage. Prints one JSON line per step, with the
// facts the Java test checks against the server, keeps a screenshot of both pages at each step, and exits 0 only
// when every step passed.
//
// Environment: HERALD_BASE_URL, HERALD_SERVICE_KEY (events and broadcasts as the game's backend sends them),
// HERALD_SCREENSHOTS (a folder), HERALD_CHROMIUM (default /usr/bin/chromium).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.HERALD_BASE_URL;
const serviceKey = process.env.HERALD_SERVICE_KEY;
const screenshots = process.env.HERALD_SCREENSHOTS;
const WAIT = 15_000;
/** Seed 000's 10 s on screen, and room for a busy machine. */
const SEEN_READ_WAIT = 30_000;

const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const players = [];
let shot = 0;

async function screenshot(name) {
    shot++;
    for (const player of players) {
        if (!player.page.isClosed()) {
            await player.page.screenshot({ path: join(screenshots, `${String(shot).padStart(2, '0')}-${name}-${player.name}.png`), fullPage: true });
        }
    }
}

async function step(name, facts = {}) {
    await screenshot(name);
    print({ step: name, ...facts });
}

function check(condition, what) {
    if (!condition) {
        throw new Error(`check failed: ${what}`);
    }
}

async function openPage(player) {
    const page = await player.context.newPage();
    page.setDefaultTimeout(WAIT);
    page.on('pageerror', (error) => print({ event: 'page-error', player: player.name, error: String(error) }));
    page.on('console', (message) => {
        // A 404 the console expects (joining a room nobody made yet, before making it) is logged by the browser too.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
            print({ event: 'page-error', player: player.name, error: message.text() });
        }
    });
    await page.goto(`${base}/console/`);
    player.page = page;
    return page;
}

async function newPlayer(browser, name) {
    const player = { name, context: await browser.newContext({ viewport: { width: 1280, height: 900 } }) };
    players.push(player);
    await openPage(player);
    return player;
}

async function storedSession(page) {
    return page.evaluate(() => JSON.parse(localStorage.getItem('herald.console.session')));
}

async function online(page) {
    await page.waitForSelector('#connection[data-state="joined"]');
}

async function http(method, path, body, token = serviceKey) {
    const response = await fetch(new URL(path, base), {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await response.json();
    check(response.ok, `${method} ${path} answered ${response.status} ${JSON.stringify(answer)}`);
    return answer;
}

async function owed(session) {
    const query = new URLSearchParams({ sessionId: session.sessionId, playerId: session.playerId });
    const page = await http('GET', `/runtime/messages/undelivered?${query}`, undefined, session.token);
    return page.messages.map((m) => m.sk);
}

async function until(condition, what, wait = WAIT) {
    const deadline = Date.now() + wait;
    while (!(await condition())) {
        check(Date.now() < deadline, `${what} within ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

async function card(page, selector) {
    const found = page.locator(selector);
    await found.waitFor();
    return found;
}

async function scenario(browser) {
    // Ana starts a team; Ben joins it with the code she sees.
    const ana = await newPlayer(browser, 'ana');
    await ana.page.fill('#register-form input[name="playerName"]', 'Ana');
    await ana.page.click('#register-form button');
    await online(ana.page);
    const teamCode = (await ana.page.textContent('#team-code')).trim();
    const anaSession = await storedSession(ana.page);
    check(/^[A-Z0-9]+$/.test(teamCode), `a team code is shown (${teamCode})`);
    await step('registered', { teamCode, sessionId: anaSession.sessionId, playerId: anaSession.playerId, token: anaSession.token });

    const ben = await newPlayer(browser, 'ben');
    await ben.page.click('#join-form input[name="playerName"]');
    await ben.page.fill('#join-form input[name="playerName"]', 'Ben');
    await ben.page.fill('#join-form input[name="teamCode"]', teamCode);
    await ben.page.click('#join-form button');
    await online(ben.page);
    const benSession = await storedSession(ben.page);
    check(benSession.sessionId === anaSession.sessionId, 'Ben is in Ana\'s session');
    await step('joined', { sessionId: benSession.sessionId, playerId: benSession.playerId, token: benSession.token });

    // An event reported from Ana's page: her own AI message, and the team's activity on Ben's.
    await ana.page.click('.simulate summary');
    await ana.page.fill('#event-form input[name="nodeId"]', 'tl_object1__audio_intro');
    await ana.page.click('#event-form button');
    const individual = await card(ana.page, '#messages .message.individual');
    const individualSk = await individual.getAttribute('data-sk');
    check(await individual.getAttribute('data-read') === 'false', 'a new message is unread');
    const activity = ben.page.locator('#activity li[data-type="NODE_COMPLETED"]');
    await activity.waitFor();
    await until(async () => (await activity.textContent()).includes('Ana'), 'Ben seeing Ana named in the activity');
    await step('individual-shown', { sk: individualSk });
    await individual.locator('.got-it').click();
    await card(ana.page, `#messages .message[data-sk="${individualSk}"][data-read="true"][data-read-by="got-it"]`);
    await step('individual-read', { sk: individualSk });

    // A broadcast from the game's backend: on both pages, styled apart from an individual message.
    await http('POST', '/runtime/events', { sessionId: anaSession.sessionId, eventType: 'Milestone', objectId: 'statue' });
    const anaBroadcast = await card(ana.page, '#messages .message.broadcast');
    const benBroadcast = await card(ben.page, '#messages .message.broadcast');
    const anaBroadcastSk = await anaBroadcast.getAttribute('data-sk');
    const benBroadcastSk = await benBroadcast.getAttribute('data-sk');
    const style = (locator) => locator.evaluate((node) => {
        const css = getComputedStyle(node);
        return { border: css.borderLeftColor, background: css.backgroundColor, badge: node.querySelector('.badge').textContent };
    });
    const broadcastStyle = await style(anaBroadcast);
    const individualStyle = await style(individual);
    check(broadcastStyle.border !== individualStyle.border && broadcastStyle.background !== individualStyle.background,
        `a broadcast looks different (${JSON.stringify(broadcastStyle)} vs ${JSON.stringify(individualStyle)})`);
    check(await benBroadcast.getAttribute('data-read') === 'false', 'Ben\'s broadcast is unread when it appears');
    await step('broadcast-shown', { anaSk: anaBroadcastSk, benSk: benBroadcastSk, broadcastStyle, individualStyle });
    await anaBroadcast.locator('.expand').click();
    await card(ana.page, `#messages .message[data-sk="${anaBroadcastSk}"][data-read="true"][data-read-by="expanded"]`);
    // Ben does nothing: ten seconds on screen make it read.
    await ben.page.locator(`#messages .message[data-sk="${benBroadcastSk}"][data-read="true"][data-read-by="seen-10s"]`)
        .waitFor({ timeout: SEEN_READ_WAIT });
    await step('broadcast-read', { anaSk: anaBroadcastSk, benSk: benBroadcastSk });

    // Room chat: both join the team's room (the default name), and talk.
    for (const player of [ana, ben]) {
        await player.page.click('#room-form button');
        await player.page.locator('#chat-form input[name="text"]:enabled').waitFor();
    }
    const roomId = await ana.page.inputValue('#room-form input[name="roomId"]');
    await ana.page.fill('#chat-form input[name="text"]', 'Hello from Ana');
    await ana.page.press('#chat-form input[name="text"]', 'Enter');
    await ben.page.locator('#room-messages li', { hasText: 'Hello from Ana' }).waitFor();
    await ben.page.fill('#chat-form input[name="text"]', 'Hi Ana, Ben here');
    await ben.page.click('#chat-form button');
    await ana.page.locator('#room-messages li', { hasText: 'Hi Ana, Ben here' }).waitFor();
    const senderSeenByBen = await ben.page.locator('#room-messages li', { hasText: 'Hello from Ana' }).locator('.sender').textContent();
    check(senderSeenByBen === 'Ana', `Ben sees who wrote (${senderSeenByBen})`);
    await step('chat', { roomId });

    // Ben's page is closed; a message for him is stored meanwhile; the page opened again shows it from catch-up.
    await ben.page.close();
    const sent = await http('POST', '/runtime/events', {
        sessionId: benSession.sessionId, playerId: benSession.playerId, eventType: 'NodeComplete', nodeId: 'node-while-closed',
    });
    const missedSk = `ai-msg#${benSession.playerId}#${sent.eventId}`;
    await until(async () => (await owed(benSession)).includes(missedSk), 'the missed message stored and owed');
    await openPage(ben);
    await online(ben.page);
    const missed = await card(ben.page, `#messages .message[data-sk="${missedSk}"]`);
    check(await missed.getAttribute('data-source') === 'catch-up', 'it came from catch-up');
    await until(async () => (await owed(benSession)).length === 0, 'catch-up owing Ben nothing once shown');
    await ben.page.locator('#room-messages li', { hasText: 'Hi Ana, Ben here' }).waitFor();
    await missed.locator('.got-it').click();
    await card(ben.page, `#messages .message[data-sk="${missedSk}"][data-read="true"]`);
    await step('caught-up', { sk: missedSk });

    // Ana reloads: the same session resumes, online again.
    await ana.page.reload();
    await online(ana.page);
    check((await ana.page.textContent('#team-code')).trim() === teamCode, 'the session survives a reload');
    await step('reloaded');
}

await mkdir(screenshots, { recursive: true });
const browser = await chromium.launch({
    executablePath: process.env.HERALD_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // Without the networking switches Chromium keeps calling out, and this machine's closed network refuses it.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let code = 0;
try {
    await scenario(browser);
    await step('done');
} catch (error) {
    code = 1;
    print({ step: 'failed', error: String(error && error.stack) });
    await screenshot('failed').catch(() => {});
} finally {
    await browser.close();
}
process.exit(code);
