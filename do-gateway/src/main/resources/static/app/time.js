// Times as the technician reads them: in the protocol's zone (config.json's "zone", Europe/Paris
// unless the gateway says otherwise), whatever zone the phone is set to, in one French format, as
// the times the gateway writes (a customer's cut in a line test) and the operations console.

const DEFAULT_ZONE = 'Europe/Paris';
let zone = DEFAULT_ZONE;
const formats = new Map();

/** The zone every time is shown in; an unknown one leaves the protocol's. */
export function useZone(name) {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: name || DEFAULT_ZONE });
    zone = name || DEFAULT_ZONE;
  } catch (e) {
    zone = DEFAULT_ZONE;
  }
  formats.clear();
}

function format(kind, options) {
  if (!formats.has(kind)) {
    formats.set(kind, new Intl.DateTimeFormat('fr-FR', { timeZone: zone, hourCycle: 'h23', ...options }));
  }
  return formats.get(kind);
}

/** e.g. 09:05:30 */
export function hhmmss(time) {
  return format('time', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(time));
}

/** e.g. 24/11/2026 */
export function day(time) {
  return format('day', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(time));
}

/** e.g. 24/11/2026 09:05:30, as the console writes it */
export function dateTime(time) {
  return `${day(time)} ${hhmmss(time)}`;
}

/** Whether two times fall on the same day, in that zone. */
export function sameDay(time, other = new Date()) {
  return day(time) === day(other);
}
