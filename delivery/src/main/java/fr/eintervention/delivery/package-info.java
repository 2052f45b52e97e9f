/** The durable delivery engine shared by the three senders: PostgreSQL outbox, immediate first attempt, retries, per-partner protection; a service uses Outbox and Deliveries, the engine's parts are package-private. */
package fr.eintervention.delivery;
