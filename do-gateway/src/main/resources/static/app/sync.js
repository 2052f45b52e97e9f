// Sending the captures to the gateway, in the order they were made (a start before its end), each
// exactly once: the start carries its capture id as Idempotency-Key (posting it again after a lost
// answer returns the same intervention), an end posted again changes nothing. Used by the page
// (on opening, when the network returns, every few seconds) and by the service worker (Background Sync).

import { captures, kv } from './store.js';

const API = new URL('/', self.location.href).href.replace(/\/$/, '');
const TIMEOUT_MS = 15000;

/** Network, server unavailable, or token refused: stop here and try again later, in the same order. */
export class NotNow extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/** The device clock minus the server's, in seconds, from the Date header of an answer. */
async function measureClock(response, sentAt) {
  const date = response.headers.get('Date');
  if (!date) {
    return;
  }
  const server = Date.parse(date);
  if (Number.isNaN(server)) {
    return;
  }
  const now = Date.now();
  // the Date header is to the second; the answer came between sentAt and now
  const offset = Math.round(((sentAt + now) / 2 - (server + 500)) / 1000);
  await kv.set('clock', { offsetSeconds: offset, measuredAt: now });
}

/** Calls the gateway with the token; measures the clock on every answer. */
export async function call(method, path, body, extraHeaders = {}) {
  const token = await kv.get('token');
  if (!token || token.expiresAt <= Date.now()) {
    throw new NotNow('auth');
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const sentAt = Date.now();
  let response;
  try {
    response = await fetch(API + path, {
      method,
      headers: { Authorization: 'Bearer ' + token.accessToken, Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}), ...extraHeaders },
      body: body ? JSON.stringify(body) : undefined,
      signal: controller.signal,
      cache: 'no-store',
    });
  } catch (e) {
    throw new NotNow('network');
  } finally {
    clearTimeout(timer);
  }
  await measureClock(response, sentAt);
  await kv.set('lastContact', Date.now());
  if (response.status === 401) {
    await kv.set('token', { ...token, expiresAt: 0 });
    throw new NotNow('auth');
  }
  if (response.status >= 500 || response.status === 429 || response.status === 403) {
    throw new NotNow(response.status === 403 ? 'forbidden' : 'server');
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  return { status: response.status, json };
}

async function clockOffset() {
  const clock = await kv.get('clock');
  return clock ? clock.offsetSeconds : null;
}

/** What the device measured of its clock when the technician tapped (kept with the capture). */
export { clockOffset };

function startBody(capture) {
  const body = {
    technicianId: capture.technicianId, codeOi: capture.codeOi, pm: capture.pm, natures: capture.natures,
    start: capture.start, deviceCaptureId: capture.id, startClockOffsetSeconds: capture.startClockOffset,
  };
  if (capture.end) {
    body.end = capture.end;
    body.endNatures = capture.endNatures;
    body.endClockOffsetSeconds = capture.endClockOffset;
  }
  return body;
}

/** Sends what one capture still has to send. */
async function send(capture) {
  if (capture.refused) {
    return; // the gateway refused it as it is: the technician corrects it first
  }
  if (!capture.ref) {
    const answer = await call('POST', '/interventions', startBody(capture), { 'Idempotency-Key': capture.id });
    if (answer.status === 200 || answer.status === 201) {
      await captures.update(capture.id, (c) => {
        c.ref = answer.json.ref;
        c.startSentAt = Date.now();
        if (c.end === capture.end && capture.end) {
          c.endSentAt = Date.now();
        }
        c.view = answer.json;
      });
      return;
    }
    await captures.update(capture.id, (c) => { c.refused = { status: answer.status, problem: answer.json }; });
    return;
  }
  if (capture.end && !capture.endSentAt) {
    const answer = await call('POST', '/interventions/' + encodeURIComponent(capture.ref) + '/end',
      { end: capture.end, natures: capture.endNatures, clockOffsetSeconds: capture.endClockOffset });
    if (answer.status === 200) {
      await captures.update(capture.id, (c) => { c.endSentAt = Date.now(); c.view = answer.json; });
      return;
    }
    await captures.update(capture.id, (c) => { c.refused = { status: answer.status, problem: answer.json }; });
    return;
  }
  if (capture.correction) {
    const correction = capture.correction;
    const answer = await call('PUT', '/interventions/' + encodeURIComponent(capture.ref), correction);
    await captures.update(capture.id, (c) => {
      if (c.correction === correction || JSON.stringify(c.correction) === JSON.stringify(correction)) {
        delete c.correction;
      }
      if (answer.status === 200) {
        c.view = answer.json;
        c.pm = answer.json.pm;
        delete c.correctionError;
      } else {
        c.correctionError = { status: answer.status, problem: answer.json };
      }
    });
  }
}

/** Whether something is waiting to be sent. */
export function pending(capture) {
  return !capture.refused && (!capture.ref || (capture.end && !capture.endSentAt) || Boolean(capture.correction));
}

/**
 * Sends everything waiting, oldest first; stops at the first capture that cannot go now (network,
 * token), so that nothing overtakes it. One sender at a time on this device (page or service worker).
 *
 * @returns 'done', or why it stopped: 'network', 'server', 'auth', 'forbidden'
 */
export async function flush() {
  const work = async () => {
    for (const capture of await captures.all()) {
      if (!pending(capture)) {
        continue;
      }
      try {
        await send(capture);
      } catch (e) {
        if (e instanceof NotNow) {
          return e.reason;
        }
        throw e;
      }
    }
    return 'done';
  };
  if (self.navigator && navigator.locks) {
    return navigator.locks.request('e-intervention-flush', work);
  }
  return work();
}

/** Today's interventions as the gateway sees them (where each stands at the OI), by reference. */
export async function refreshViews() {
  const technicianId = await kv.get('technicianId');
  if (!technicianId) {
    return;
  }
  const answer = await call('GET', '/technicians/' + encodeURIComponent(technicianId) + '/interventions/today');
  if (answer.status !== 200 || !Array.isArray(answer.json)) {
    return;
  }
  const byRef = new Map(answer.json.map((view) => [view.ref, view]));
  for (const capture of await captures.all()) {
    const view = capture.ref && byRef.get(capture.ref);
    if (view) {
      await captures.update(capture.id, (c) => { c.view = view; });
    }
  }
}
