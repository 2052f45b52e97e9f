package fr.eintervention.testsupport.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium, driven through the system's chromedriver (never a downloaded one:
 * both paths are given, so Selenium Manager has nothing to fetch). Paths default to Debian's
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}; {@code CHROMIUM_BIN} and
 * {@code CHROMEDRIVER_BIN} override them.
 */
public final class Chromium {

    private Chromium() {
    }

    public static String browserPath() {
        return env("CHROMIUM_BIN", "/usr/bin/chromium");
    }

    public static String driverPath() {
        return env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
    }

    public static boolean installed() {
        return missing() == null;
    }

    /** What is missing to run browser tests, or null when nothing is. */
    static String missing() {
        if (!Files.isExecutable(Path.of(browserPath()))) {
            return "no Chromium at " + browserPath();
        }
        if (!Files.isExecutable(Path.of(driverPath()))) {
            return "no chromedriver at " + driverPath();
        }
        return null;
    }

    /** A headless Chromium of a phone's width, e.g. 412 × 915. */
    public static ChromeDriver phone() {
        return start(412, 915);
    }

    /** A headless Chromium of a desktop's width, 1280 × 900. */
    public static ChromeDriver desktop() {
        return start(1280, 900);
    }

    /** A headless Chromium with its own empty profile, the window the given size. */
    public static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserPath());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + tempProfile());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverPath()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String tempProfile() {
        try {
            File profile = Files.createTempDirectory("chromium-profile").toFile();
            profile.deleteOnExit();
            return profile.getAbsolutePath();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile directory", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
