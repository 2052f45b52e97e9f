/** Test support shared by every module: a real PostgreSQL, partner stubs over real HTTP, test tokens. */
package fr.eintervention.testsupport;
