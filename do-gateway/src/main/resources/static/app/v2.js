// What an OI that speaks v2 adds to the app: its own natures, the repair report after Fin, and
// "Tester les lignes" with what the OCs answered per test. All kept on the phone with the capture
// (capture.tests, capture.report, capture.lineTests) and sent when the network allows, like the captures.

import { captures, kv } from './store.js';
import { call, NotNow } from './sync.js';
import { hhmmss } from './time.js';

/** v2's refusals, in plain French (v1's are the app's ANSWERS). */
export const V2_ANSWERS = {
  INCOHERENCE: 'informations incohérentes',
  REF_INTERV_INCONNUE: "intervention inconnue de l'OI",
  M3TX_NON_DEMANDE: "l'OI attend un test des lignes avant la fin",
  TEST_PRECEDENT_DEJA_EMIS: 'ce test a déjà été demandé',
  TEST_PRECEDENT_NON_ACQUITTE: "le test précédent n'est pas terminé : attendez les réponses des OC",
  TEST_NON_REALISE: 'test non réalisé',
  DELAI_NON_RESPECTE: 'délai non respecté',
  ERREUR_ITERATION: 'numéro de test inattendu',
};

const V1_NATURES = [{ nature: 1, label: 'RACC' }, { nature: 2, label: 'SAV' },
  { nature: 3, label: 'Aucune action', endOnly: true }, { nature: 4, label: 'Non fournie', notProvided: true }];

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

/** Each OI's version and natures, kept for offline use. */
export async function loadVersions() {
  try {
    const answer = await call('GET', '/ois/versions');
    if (answer.status === 200 && Array.isArray(answer.json)) {
      await kv.set('oiVersions', Object.fromEntries(answer.json.map((oi) => [oi.codeOi, oi])));
    }
  } catch (e) {
    // offline: the versions kept from last time
  }
}

async function oi(codeOi) {
  return ((await kv.get('oiVersions')) || {})[codeOi] || { codeOi, protocolVersion: 'v1', natures: V1_NATURES };
}

/** Whether the OI speaks v2 (repair report, line tests). */
export async function speaksV2(codeOi) {
  return (await oi(codeOi)).protocolVersion === 'v2';
}

/** The natures the OI takes: [{nature, label, endOnly, notProvided}]. */
export async function naturesOf(codeOi, atEnd = false) {
  return ((await oi(codeOi)).natures || V1_NATURES).filter((n) => atEnd || !n.endOnly);
}

/** The new intervention's nature choices, for the OI picked. */
export async function showNatureChoices(container, codeOi) {
  const natures = await naturesOf(codeOi);
  container.replaceChildren(...natures.map((n) => el('label', {},
    el('input', { type: 'radio', name: 'nature', value: String(n.nature), checked: Boolean(n.notProvided) }), ' ' + n.label)));
}

/** A nature's label for that OI. */
export function natureLabel(natures, value) {
  const found = (natures || []).find((n) => String(n.nature) === String(value));
  return found ? found.label : String(value);
}

// --- line tests ---

/** "Tester les lignes": the tap's time is the test's; sent now or when the network is back (then marked late). */
export async function askTest(id) {
  const tapped = new Date();
  await captures.update(id, (c) => {
    c.tests = c.tests || [];
    c.tests.push({ numeroTest: c.tests.length + 1, dateTest: tapped.toISOString() });
  });
}

/** The repair report, kept until sent. */
export async function keepReport(id, impacted, restored) {
  const lines = (text) => text.split(/[\s,;]+/).map((t) => t.trim()).filter(Boolean).map((pto) => ({ pto }));
  await captures.update(id, (c) => {
    c.report = { linesImpacted: lines(impacted), linesRestored: lines(restored) };
  });
}

export function pendingV2(capture) {
  return Boolean(capture.ref) && ((capture.tests || []).some((t) => !t.sentAt && !t.refused)
    || Boolean(capture.report && !capture.report.sentAt && !capture.report.refused && capture.endSentAt));
}

/** Sends the tests and reports waiting; 'done' or why it stopped (as sync's flush). */
export async function flushV2() {
  for (const capture of await captures.all()) {
    if (!pendingV2(capture)) {
      continue;
    }
    try {
      for (const test of (capture.tests || []).filter((t) => !t.sentAt && !t.refused)) {
        const answer = await call('POST', '/interventions/' + encodeURIComponent(capture.ref) + '/line-tests',
          { numeroTest: test.numeroTest, dateTest: test.dateTest });
        if (answer.status === 409 && answer.json && /not acknowledged/.test(answer.json.detail || '')) {
          break; // the OI has not acknowledged the start yet: next time
        }
        await captures.update(capture.id, (c) => {
          const kept = c.tests.find((t) => t.numeroTest === test.numeroTest);
          if (answer.status === 200) {
            kept.sentAt = Date.now();
            c.lineTests = answer.json;
          } else {
            kept.refused = (answer.json && (answer.json.detail || answer.json.title)) || 'refusé';
          }
        });
      }
      if (capture.report && !capture.report.sentAt && !capture.report.refused && capture.endSentAt) {
        const answer = await call('POST', '/interventions/' + encodeURIComponent(capture.ref) + '/report', capture.report);
        await captures.update(capture.id, (c) => {
          if (answer.status === 200) {
            c.report.sentAt = Date.now();
            c.view = answer.json;
          } else {
            c.report.refused = (answer.json && (answer.json.detail || (answer.json.errors || []).map((e) => e.reason).join(' ; ')))
              || 'refusé';
          }
        });
      }
    } catch (e) {
      if (e instanceof NotNow) {
        return e.reason;
      }
      throw e;
    }
  }
  return 'done';
}

/** What the OCs answered, for the interventions with tests (kept on the phone for when the network goes). */
export async function refreshTests() {
  for (const capture of await captures.all()) {
    if (!capture.ref || !(capture.tests || []).length || !(await speaksV2(capture.codeOi))) {
      continue;
    }
    const answer = await call('GET', '/interventions/' + encodeURIComponent(capture.ref) + '/line-tests');
    if (answer.status === 200) {
      await captures.update(capture.id, (c) => { c.lineTests = answer.json; });
    }
  }
}

/** The tests of a capture: per test, its summary and each OC's lines, in French. */
export function testsBlock(capture, onAsk) {
  const shown = new Map(((capture.lineTests || {}).tests || []).map((t) => [t.numeroTest == null ? 'fin' : t.numeroTest, t]));
  const items = (capture.tests || []).map((asked) => {
    const test = shown.get(asked.numeroTest) || {};
    const late = asked.sentAt && test.late;
    const state = asked.refused ? 'Refusé : ' + asked.refused
      : !asked.sentAt ? 'En attente de réseau'
        : test.refusal ? "Refusé par l'OI : " + (V2_ANSWERS[test.refusal.label] || test.refusal.label || 'non délivré')
          : test.sending ? "Envoyé, en attente de l'OI" : test.summary || "en attente de la réponse de l'OI";
    return el('li', { class: 'line-test', 'data-test': asked.numeroTest },
      el('strong', {}, `Test ${asked.numeroTest} · ${hhmmss(asked.dateTest)}`),
      late ? el('span', { class: 'muted' }, ' (envoyé en retard)') : '',
      el('p', { class: 'summary' }, state),
      ...(test.ocs || []).map((oc) => el('ul', { class: 'oc', 'data-oc': oc.codeOc }, oc.lines.map((line) => el('li', {}, line)))));
  });
  const end = shown.get('fin');
  if (end) {
    items.push(el('li', { class: 'line-test', 'data-test': 'fin' }, el('strong', {}, end.title),
      el('p', { class: 'summary' }, end.summary),
      ...(end.ocs || []).map((oc) => el('ul', { class: 'oc', 'data-oc': oc.codeOc }, oc.lines.map((line) => el('li', {}, line))))));
  }
  const count = (capture.tests || []).length;
  return el('div', { class: 'line-tests' },
    onAsk && !capture.end && count < 5
      ? el('button', { type: 'button', class: 'big test-button', onclick: () => onAsk(capture.id) }, 'Tester les lignes') : '',
    items.length ? el('ul', { class: 'tests' }, items) : '');
}

/** After Fin: the repair report's form, or where it stands. */
export function reportBlock(capture, onSend) {
  const report = capture.report;
  if (report) {
    const status = report.refused ? 'Compte-rendu refusé : ' + report.refused
      : !report.sentAt ? 'Compte-rendu en attente de réseau'
        : ((capture.view || {}).report || {}).status === 'ACKNOWLEDGED' ? "Compte-rendu acquitté par l'OI"
          : "Compte-rendu envoyé, en attente de l'OI";
    return el('p', { class: 'report-status muted' }, status,
      ` (lignes coupées : ${report.linesImpacted.length}, rétablies : ${report.linesRestored.length})`);
  }
  const impacted = el('input', { id: 'impacted-' + capture.id, spellcheck: 'false', placeholder: 'PTO, séparées par des espaces' });
  const restored = el('input', { id: 'restored-' + capture.id, spellcheck: 'false', placeholder: 'PTO, séparées par des espaces' });
  return el('details', { class: 'report' }, el('summary', {}, 'Compte-rendu de réparation'),
    el('label', { for: impacted.id }, 'Lignes coupées (PTO)'), impacted,
    el('label', { for: restored.id }, 'Lignes rétablies (PTO)'), restored,
    el('button', { type: 'button', class: 'big primary report-button',
      onclick: () => onSend(capture.id, impacted.value, restored.value) }, 'Envoyer le compte-rendu'));
}
