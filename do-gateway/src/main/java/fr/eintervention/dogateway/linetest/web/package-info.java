/** The line tests over HTTP: the field API's tests and the v2 M6TX reception (a v2 error body on refusal). */
package fr.eintervention.dogateway.linetest.web;
