/** Conversions between the domain's types and JDBC's, null-safe, for every service. */
package fr.eintervention.jdbc;
