/** The durable delivery engine shared by the three senders: PostgreSQL outbox, immediate first attempt, retries, per-partner protection. */
package fr.eintervention.delivery;
