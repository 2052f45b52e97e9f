/** Browser tests in the system's headless Chromium (Debian's chromium and chromium-driver), skipped with a clear message where it is not installed. */
package fr.eintervention.testsupport.browser;
