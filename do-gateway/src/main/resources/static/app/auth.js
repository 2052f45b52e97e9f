// Sign-in: OAuth2 authorization code with PKCE (public client, no secret). The access token is kept
// on the device (IndexedDB) for the service worker too. No refresh token is issued to a public
// client: when the token has expired, the app asks for another the same way, and the authorization
// server's login session answers at once, without the form (silent re-authorization).

import { kv } from './store.js';

const REDIRECT = new URL('./', location.href).href.split('?')[0];

export async function config() {
  try {
    const response = await fetch('config.json', { cache: 'no-store' });
    if (response.ok) {
      const fresh = await response.json();
      await kv.set('config', fresh);
      return fresh;
    }
  } catch (e) {
    // offline: the last one known
  }
  return kv.get('config');
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Sends the browser to the authorization server (back at /app/ with a code). */
export async function signIn() {
  if (!self.isSecureContext || !crypto.subtle) {
    throw new Error("Connexion impossible à cette adresse : ouvrez l'application en HTTPS, ou par localhost"
      + ' (voir docs/technician-app.md).');
  }
  const settings = await config();
  if (!settings || !settings.authorizationServer) {
    throw new Error('configuration inconnue : réseau nécessaire pour se connecter');
  }
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  localStorage.setItem('pkce', JSON.stringify({ verifier, state }));
  const url = new URL(settings.authorizationServer.replace(/\/$/, '') + '/oauth2/authorize');
  url.search = new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: REDIRECT, scope: settings.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  location.assign(url.href);
}

/** Back from the authorization server: the code for a token. Returns true when a sign-in completed. */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) {
    return false;
  }
  history.replaceState(null, '', REDIRECT);
  const saved = JSON.parse(localStorage.getItem('pkce') || 'null');
  localStorage.removeItem('pkce');
  if (params.has('error')) {
    throw new Error('connexion refusée : ' + params.get('error'));
  }
  if (!saved || saved.state !== params.get('state')) {
    throw new Error('connexion interrompue : recommencez');
  }
  const settings = await config();
  const response = await fetch(settings.authorizationServer.replace(/\/$/, '') + '/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: REDIRECT,
      client_id: settings.clientId, code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error('connexion refusée (' + response.status + ')');
  }
  const token = await response.json();
  const claims = JSON.parse(atob(token.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  await kv.set('token', {
    accessToken: token.access_token,
    expiresAt: Date.now() + (token.expires_in - 30) * 1000,
    technicianId: claims.sub,
  });
  await kv.set('technicianId', claims.sub);
  return true;
}

/** The access token while it is valid, else null. */
export async function validToken() {
  const token = await kv.get('token');
  return token && token.expiresAt > Date.now() ? token.accessToken : null;
}

/** Who is signed in on this device (kept after the token expired: captures go on offline). */
export function technicianId() {
  return kv.get('technicianId');
}

export async function signOut() {
  await kv.remove('token');
}
