package fr.eintervention.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The technician's app in a Chromium driven by the end-to-end tests: what it keeps on the device,
 * what its day's list shows, the gestures that must survive a redraw, the network cut, screenshots.
 */
final class PhoneApp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("app.screenshots",
            System.getProperty("suite.work", "target/e2e") + "/screenshots"));

    private PhoneApp() {
    }

    /**
     * Chromium's offline mode (DevTools protocol), as DevTools' "Offline" switch: every request of the
     * page and of its service worker fails, and {@code navigator.onLine} is false.
     */
    static void offline(ChromeDriver browser, boolean offline) {
        browser.executeCdpCommand("Network.enable", Map.of());
        Map<String, Object> conditions = Map.of("offline", offline, "latency", 0, "downloadThroughput", -1,
                "uploadThroughput", -1);
        browser.executeCdpCommand("Network.overrideNetworkState", conditions);
        Map<String, Object> rule = new HashMap<>(conditions);
        rule.put("urlPattern", "");
        browser.executeCdpCommand("Network.emulateNetworkConditionsByRule", Map.of("emulateOfflineServiceWorker", offline,
                "matchedNetworkConditions", offline ? List.of(rule) : List.of()));
    }

    /** Taps a button of the list, found and tapped in one go (the list may be redrawn in between otherwise). */
    static void tapInList(ChromeDriver browser, String selector) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(browser.executeScript(
                "const button = document.querySelector(arguments[0]); if (!button) return false; button.click(); return true;",
                selector)));
    }

    /** What the day's list says of that capture: its {@code data-status}. */
    static String cardStatus(ChromeDriver browser, String id) {
        return (String) browser.executeScript("const card = document.querySelector(\"#today li[data-capture='\" + arguments[0]"
                + " + \"']\"); return card ? card.dataset.status : null;", id);
    }

    /** The captures as the app keeps them on the device (IndexedDB). */
    static JsonNode captures(ChromeDriver browser) {
        Object json = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const request = indexedDB.open('e-intervention');
                request.onsuccess = () => {
                  const all = request.result.transaction('captures').objectStore('captures').getAll();
                  all.onsuccess = () => { done(JSON.stringify(all.result)); request.result.close(); };
                };
                request.onerror = () => done('[]');""");
        return JSON.readTree(String.valueOf(json));
    }

    static JsonNode capture(ChromeDriver browser, String id) {
        for (JsonNode capture : captures(browser)) {
            if (capture.path("id").asString().equals(id)) {
                return capture;
            }
        }
        return null;
    }

    /** The last capture at that PM; null before any. */
    static JsonNode latestCapture(ChromeDriver browser, String pm) {
        JsonNode latest = null;
        for (JsonNode capture : captures(browser)) {
            if (capture.path("pm").asString().equals(pm) && (latest == null || capture.path("seq").asLong() > latest.path("seq").asLong())) {
                latest = capture;
            }
        }
        return latest;
    }

    static void screenshot(ChromeDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
