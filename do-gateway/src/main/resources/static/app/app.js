// The technician's app: start and end of a presence on a PM in one tap each, kept on the device
// whatever the network does, sent to the DO gateway when it can be.

import { captures, kv, newId } from './store.js';
import { completeSignIn, config, signIn, signOut, technicianId, validToken } from './auth.js';
import { call, clockOffset, flush, pending, refreshViews } from './sync.js';
import { dateTime, hhmmss, sameDay, useZone } from './time.js';
import { askTest, flushV2, keepReport, loadVersions, naturesOf, natureLabel, refreshTests, reportBlock, showNatureChoices,
  speaksV2, testsBlock, V2_ANSWERS } from './v2.js';

const NATURES = { 1: 'RACC', 2: 'SAV', 3: 'Aucune action', 4: 'Non fournie' };
const ANSWERS = {
  PM_INCONNU: "PM inconnu de l'OI",
  CODE_OI_INCONNU: 'OI inconnu',
  CHAMPS_NON_RENSEIGNE: 'information manquante',
  MAUVAIS_FORMAT: 'format refusé',
  REF_INTERV_OI_INCONNUE: "référence inconnue de l'OI",
};
const LARGE_DRIFT_SECONDS = 120;
const TICK_MS = 5000;
const KEEP_DAYS = 7;

const $ = (id) => document.getElementById(id);
let lastOutcome = 'done';
let fixing = null;
/** The final nature picked on an open intervention's card, kept while the list is redrawn. */
const endChoices = new Map();
let lastShown = null;

// --- time, as the technician reads it and as the API wants it ---

function pad(n) {
  return String(Math.floor(Math.abs(n))).padStart(2, '0');
}

/** ISO 8601 with the device's offset, to the second: the time of the tap, never of the sending. */
function iso(d) {
  const offset = -d.getTimezoneOffset();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:`
    + `${pad(d.getSeconds())}${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
}

// --- screens ---

function show(screen) {
  document.querySelectorAll('.screen').forEach((section) => { section.hidden = section.id !== 'screen-' + screen; });
  window.scrollTo(0, 0);
}

function banner(id, text) {
  const element = $(id);
  element.hidden = !text;
  if (text && id !== 'auth-banner') {
    element.textContent = text;
  }
}

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => {
    if (key.startsWith('on')) {
      element.addEventListener(key.slice(2), value);
    } else if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(key, value);
    }
  });
  children.flat().forEach((child) => element.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return element;
}

// --- where a capture stands, in plain words ---

function problemText(problem) {
  if (problem && Array.isArray(problem.errors) && problem.errors.length) {
    return problem.errors.map((e) => `${e.field} : ${e.reason}`).join(' ; ');
  }
  return (problem && (problem.detail || problem.title)) || 'refusé';
}

function answerText(answer) {
  if (!answer) {
    return '';
  }
  const plain = ANSWERS[answer.label] || V2_ANSWERS[answer.label] || answer.label || ('code ' + answer.code);
  return answer.description ? `${plain} (${answer.description})` : plain;
}

/** {kind: waiting|sent|ok|ko, text, fix: null|'local'|'oi'} */
function standing(capture) {
  if (capture.refused) {
    return { kind: 'ko', text: 'Refusé par la passerelle : ' + problemText(capture.refused.problem), fix: 'local' };
  }
  if (!capture.ref) {
    return { kind: 'waiting', text: 'En attente de réseau' };
  }
  if (capture.end && !capture.endSentAt) {
    return { kind: 'waiting', text: 'Fin en attente de réseau' };
  }
  if (capture.correction) {
    return { kind: 'waiting', text: 'Correction en attente de réseau' };
  }
  const view = capture.view || {};
  const declared = [view.m1, capture.end ? view.m3 : null].filter(Boolean);
  const rejected = declared.find((d) => d.status === 'REJECTED' || d.status === 'FAILED');
  if (rejected) {
    const open = !rejected.correctableUntil || Date.parse(rejected.correctableUntil) > Date.now();
    const text = rejected.status === 'REJECTED' ? "Refusé par l'OI : " + answerText(rejected.answer)
      : "Non délivré à l'OI (pas de réponse)";
    return { kind: 'ko', text, fix: open ? 'oi' : null, until: rejected.correctableUntil };
  }
  if (capture.correctionError) {
    return { kind: 'ko', text: 'Correction refusée : ' + problemText(capture.correctionError.problem), fix: 'oi' };
  }
  const expected = capture.end ? 2 : 1;
  if (declared.length === expected && declared.every((d) => d.status === 'ACKNOWLEDGED')) {
    return { kind: 'ok', text: view.refIntervOi ? "Acquitté par l'OI — réf. {ref}" : "Acquitté par l'OI", ref: view.refIntervOi };
  }
  if (view.m1 && view.m1.status === 'ACKNOWLEDGED') {
    return { kind: 'sent', text: "Début acquitté par l'OI (réf. {ref}) — fin envoyée", ref: view.refIntervOi };
  }
  return { kind: 'sent', text: "Envoyé, en attente de l'OI" };
}

// --- rendering ---

/** A capture's standing, the OI's reference kept whole on one line (it never breaks at a hyphen). */
function statusLine(state) {
  const [before, after] = state.text.split('{ref}');
  return el('span', { class: 'status ' + state.kind }, before,
    after !== undefined ? el('span', { class: 'ref' }, state.ref || '') : '', after || '');
}

function naturesText(natures, labels) {
  return (natures || []).map((n) => (labels ? natureLabel(labels, n.nature) : NATURES[n.nature] || n.nature)).join(', ');
}

/** Per capture: the OI's natures (at the end) and whether it speaks v2, read before drawing. */
const oiOf = new Map();

async function learnOis(list) {
  for (const capture of list) {
    oiOf.set(capture.id, { natures: await naturesOf(capture.codeOi, true), v2: await speaksV2(capture.codeOi) });
  }
}

function openCard(capture) {
  const oi = oiOf.get(capture.id) || { natures: null, v2: false };
  const notProvided = ((oi.natures || []).find((n) => n.notProvided) || { nature: 4 }).nature;
  const chosen = endChoices.get(capture.id) || String(((capture.natures || [])[0] || {}).nature || notProvided);
  const name = 'end-nature-' + capture.id;
  const offered = oi.natures ? oi.natures.map((n) => [String(n.nature), n.label]) : Object.entries(NATURES);
  const choices = el('div', { class: 'choices', role: 'radiogroup', 'aria-label': 'Ce qui a été fait' },
    offered.map(([value, label]) => el('label', {},
      el('input', { type: 'radio', name, value, checked: value === chosen,
        onchange: () => endChoices.set(capture.id, value) }), ' ' + label)));
  const state = standing(capture);
  return el('div', { class: 'open', 'data-capture': capture.id },
    el('p', { class: 'muted' }, 'En cours'),
    el('p', { class: 'big-text' }, capture.pm),
    el('p', {}, 'Début : ', el('strong', { class: 'start-time' }, hhmmss(capture.start))),
    statusLine(state),
    state.fix ? el('button', { type: 'button', class: 'big', onclick: () => startFix(capture.id) }, 'Corriger') : '',
    oi.v2 ? testsBlock(capture, test) : '',
    el('fieldset', { class: 'field' }, el('legend', {}, 'Ce qui a été fait'), choices),
    el('button', { type: 'button', class: 'huge stop end-button', onclick: () => end(capture.id, name) }, 'Fin'));
}

function todayCard(capture) {
  const state = standing(capture);
  return el('li', { class: 'card', 'data-capture': capture.id, 'data-ref': capture.ref || '', 'data-status': state.kind },
    el('h3', {}, capture.pm, capture.codeOi ? el('span', { class: 'muted' }, ' · ' + capture.codeOi) : ''),
    el('div', { class: 'times' }, `Début ${hhmmss(capture.start)}`, capture.end ? ` — Fin ${hhmmss(capture.end)}` : ' — en cours'),
    el('div', { class: 'muted' }, naturesText(capture.end ? capture.endNatures : capture.natures, (oiOf.get(capture.id) || {}).natures)),
    statusLine(state),
    state.fix ? el('button', { type: 'button', class: 'big fix-button', onclick: () => startFix(capture.id) }, 'Corriger') : '',
    (oiOf.get(capture.id) || {}).v2 && capture.end ? testsBlock(capture, null) : '',
    (oiOf.get(capture.id) || {}).v2 && capture.end ? reportBlock(capture, report) : '');
}

async function render() {
  const all = await captures.all();
  const today = all.filter((c) => sameDay(c.start) || !c.end).reverse();
  // redrawn only when what it shows changed: a finger (or a screen reader) on a button keeps it
  await learnOis(today);
  const shown = JSON.stringify(today.map((c) => [c.id, c.pm, c.codeOi, c.start, c.end, c.endNatures, standing(c),
    c.tests, c.report, c.lineTests, (c.view || {}).report]));
  if (shown !== lastShown) {
    lastShown = shown;
    $('open-list').replaceChildren(...today.filter((c) => !c.end).map(openCard));
    $('today').replaceChildren(...today.map(todayCard));
  }
  $('empty').hidden = today.length > 0;
  const waiting = all.filter(pending).length;
  $('sync-state').textContent = waiting ? `${waiting} saisie(s) en attente d'envoi` : 'Tout est envoyé.';

  const online = navigator.onLine && lastOutcome !== 'network';
  $('network').textContent = !navigator.onLine ? 'Hors ligne' : lastOutcome === 'network' ? 'Réseau absent'
    : lastOutcome === 'server' ? 'Serveur injoignable' : 'En ligne';
  $('network').classList.toggle('offline', !online || lastOutcome === 'server');

  const clock = await kv.get('clock');
  if (clock && Math.abs(clock.offsetSeconds) > LARGE_DRIFT_SECONDS) {
    const minutes = Math.round(Math.abs(clock.offsetSeconds) / 60);
    banner('clock-banner', `L'horloge du téléphone a ${minutes} min ${clock.offsetSeconds > 0 ? "d'avance" : 'de retard'}`
      + ' sur le serveur : réglez-la. Les heures saisies sont envoyées telles quelles, avec cet écart.');
  } else {
    banner('clock-banner', null);
  }
  const who = await technicianId();
  $('who').textContent = who ? 'Connecté : ' + who : '';
  $('signout').hidden = !who;
}

// --- the technician's gestures ---

async function start(event) {
  event.preventDefault();
  const tapped = new Date(); // first: the time of the tap
  const pm = $('pm').value.trim().toUpperCase();
  if (!pm) {
    $('new-error').textContent = 'Indiquez le PM.';
    $('new-error').hidden = false;
    $('pm').focus();
    return;
  }
  const picked = new FormData($('new-form')).get('nature');
  const entry = picked ? { nature: Number(picked) } : {};
  if ($('pbo').value.trim()) {
    entry.pbo = $('pbo').value.trim();
  }
  if ($('pto').value.trim()) {
    entry.pto = $('pto').value.trim();
  }
  // the order of sending: the order of the taps, whatever the device's clock does meanwhile
  const seq = Math.max(Date.now(), ((await kv.get('lastSeq')) || 0) + 1);
  await kv.set('lastSeq', seq);
  const capture = {
    id: newId(), seq, technicianId: await technicianId(), codeOi: $('oi').value, pm,
    natures: [entry], start: iso(tapped), startClockOffset: await clockOffset(),
  };
  await captures.put(capture);
  await remember(pm);
  $('new-form').reset();
  $('new-error').hidden = true;
  show('home');
  await render();
  requestSend();
}

async function end(id, radioName) {
  const tapped = new Date();
  const chosen = document.querySelector(`input[name="${radioName}"]:checked`);
  const offset = await clockOffset();
  await captures.update(id, (c) => {
    if (!c.end) {
      const first = (c.natures || [])[0] || {};
      c.end = iso(tapped);
      c.endNatures = [{ ...first, nature: Number(chosen ? chosen.value : first.nature || 4) }];
      c.endClockOffset = offset;
    }
  });
  endChoices.delete(id);
  await render();
  requestSend();
}

async function test(id) {
  await askTest(id);
  await render();
  requestSend();
}

async function report(id, impacted, restored) {
  await keepReport(id, impacted, restored);
  await render();
  requestSend();
}

async function startFix(id) {
  const capture = await captures.get(id);
  fixing = id;
  const state = standing(capture);
  $('fix-reason').textContent = state.text;
  $('fix-pm').value = capture.pm;
  $('fix-until').textContent = state.until ? `Correction possible jusqu'au ${dateTime(state.until)}.` : '';
  suggest($('fix-pm'), $('fix-suggestions'), capture.codeOi);
  show('fix');
  $('fix-pm').focus();
}

async function resend(event) {
  event.preventDefault();
  const pm = $('fix-pm').value.trim().toUpperCase();
  if (!pm || !fixing) {
    return;
  }
  await captures.update(fixing, (c) => {
    if (c.refused) {
      // the gateway refused what the app sent: the start (no reference yet) goes again with the
      // corrected PM under the same capture id (nothing was stored under it); an end goes again as is
      if (!c.ref) {
        c.pm = pm;
      }
      delete c.refused;
    } else {
      c.correction = { pm }; // the OI refused: PUT /interventions/{ref}
      delete c.correctionError;
    }
  });
  await remember(pm);
  fixing = null;
  show('home');
  await render();
  requestSend();
}

// --- PMs: the DO's list per OI (kept for offline use) and the last ones used ---

async function remember(pm) {
  const recent = (await kv.get('recentPms')) || [];
  await kv.set('recentPms', [pm, ...recent.filter((p) => p !== pm)].slice(0, 5));
}

async function suggest(input, box, codeOi) {
  const typed = input.value.trim().toUpperCase();
  const list = (await kv.get('pms:' + codeOi)) || [];
  const matches = typed.length < 2 ? [] : list.filter((p) => p.pm.toUpperCase().includes(typed)
    || (p.label || '').toUpperCase().includes(typed)).slice(0, 6);
  box.replaceChildren(...matches.map((p) => el('button', { type: 'button', role: 'option', 'data-pm': p.pm,
    onclick: () => { input.value = p.pm; box.replaceChildren(); } }, p.pm, p.label ? el('small', {}, p.label) : '')));
}

async function prepareNew() {
  const ois = (await kv.get('ois')) || [];
  const select = $('oi');
  const current = select.value;
  select.replaceChildren(...ois.map((oi) => el('option', { value: oi }, oi)));
  if (ois.includes(current)) {
    select.value = current;
  }
  $('oi-field').hidden = ois.length <= 1;
  await showNatureChoices($('nature-choices'), select.value);
  const recent = (await kv.get('recentPms')) || [];
  $('pm-recent-block').hidden = recent.length === 0;
  $('pm-recent').replaceChildren(...recent.map((pm) => el('button', { type: 'button', 'data-pm': pm,
    onclick: () => { $('pm').value = pm; $('pm-suggestions').replaceChildren(); } }, pm)));
  $('pm-suggestions').replaceChildren();
  show('new');
  $('pm').focus();
}

/** The OIs and their PM lists, for offline use. */
async function loadReference() {
  try {
    const ois = await call('GET', '/ois');
    if (ois.status !== 200) {
      return;
    }
    await kv.set('ois', ois.json);
    await loadVersions();
    for (const oi of ois.json) {
      const pms = await call('GET', '/pms?oi=' + encodeURIComponent(oi));
      if (pms.status === 200) {
        await kv.set('pms:' + oi, pms.json);
      }
    }
  } catch (e) {
    // offline or signed out: the lists kept from last time
  }
}

// --- sending ---

let sending = false;

/** Sends now if it can; the service worker will try again when the network returns (Background Sync). */
async function requestSend() {
  try {
    const registration = navigator.serviceWorker && await navigator.serviceWorker.ready;
    if (registration && registration.sync) {
      await registration.sync.register('flush');
    }
  } catch (e) {
    // no Background Sync: the app sends at its next opening, or while it is open
  }
  await tick();
}

async function tick() {
  if (sending) {
    return;
  }
  sending = true;
  try {
    lastOutcome = await flush();
    if (lastOutcome === 'done') {
      lastOutcome = await flushV2();
    }
    if (lastOutcome === 'done') {
      await refreshViews().catch(() => undefined);
      await refreshTests().catch(() => undefined);
    }
    const waiting = (await captures.all()).some(pending);
    banner('auth-banner', lastOutcome === 'auth' && waiting ? 'show' : null);
    if (lastOutcome === 'auth' && waiting && navigator.onLine) {
      await silentSignIn();
    }
  } catch (e) {
    banner('error-banner', 'Erreur : ' + e.message);
  } finally {
    sending = false;
  }
  await render();
}

/** The token expired with captures to send: ask for another, the login session answers without the form. */
async function silentSignIn() {
  const last = Number(localStorage.getItem('silentSignInAt') || 0);
  if (Date.now() - last < 120000) {
    return; // tried a moment ago (the session has expired too): the banner's button signs in
  }
  localStorage.setItem('silentSignInAt', String(Date.now()));
  await signIn().catch(() => undefined);
}

async function purgeOld() {
  const limit = Date.now() - KEEP_DAYS * 86400000;
  for (const capture of await captures.all()) {
    if (capture.end && !pending(capture) && Date.parse(capture.end) < limit) {
      await captures.remove(capture.id);
    }
  }
}

// --- start-up ---

async function boot() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js', { type: 'module', scope: './' }).catch((e) => {
      banner('error-banner', 'Mode hors ligne indisponible : ' + e.message);
    });
  }
  $('signin').addEventListener('click', () => signIn().catch((e) => banner('error-banner', e.message)));
  $('reconnect').addEventListener('click', () => {
    localStorage.removeItem('silentSignInAt');
    signIn().catch((e) => banner('error-banner', e.message));
  });
  $('signout').addEventListener('click', async () => { await signOut(); await kv.remove('technicianId'); location.reload(); });
  $('new').addEventListener('click', prepareNew);
  $('cancel-new').addEventListener('click', () => show('home'));
  $('cancel-fix').addEventListener('click', () => show('home'));
  $('new-form').addEventListener('submit', start);
  $('fix-form').addEventListener('submit', resend);
  $('pm').addEventListener('input', () => suggest($('pm'), $('pm-suggestions'), $('oi').value));
  $('oi').addEventListener('change', () => showNatureChoices($('nature-choices'), $('oi').value));
  $('fix-pm').addEventListener('input', async () => suggest($('fix-pm'), $('fix-suggestions'),
    (await captures.get(fixing) || {}).codeOi));
  window.addEventListener('online', tick);
  window.addEventListener('offline', render);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) tick(); });

  try {
    if (await completeSignIn()) {
      localStorage.removeItem('silentSignInAt');
    }
  } catch (e) {
    banner('error-banner', e.message);
  }
  // every time in the protocol's zone, before anything is drawn (offline: the last settings known)
  useZone(((await config().catch(() => undefined)) || {}).zone);
  if (!(await technicianId())) {
    show('signin');
    await render();
    document.body.dataset.ready = 'true';
    return;
  }
  show('home');
  await render();
  if (await validToken()) {
    await loadReference();
  }
  await purgeOld();
  await tick();
  setInterval(() => { if (!document.hidden) tick(); }, TICK_MS);
  document.body.dataset.ready = 'true';
}

boot();
