/** The console's pages (Thymeleaf, a little htmx), in French: they only call the application services. */
package fr.eintervention.oi.console.web;
