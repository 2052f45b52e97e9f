/** What a caller gets while a service's database is unreachable: a quick 503 with Retry-After, never a hang or a bare 500. */
package fr.eintervention.protocol.outage;
