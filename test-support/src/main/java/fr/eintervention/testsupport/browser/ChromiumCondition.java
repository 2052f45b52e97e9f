package fr.eintervention.testsupport.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables {@link BrowserTest}s where Chromium and its driver are installed, and says loudly when it skips them. */
final class ChromiumCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = Chromium.missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium found at " + Chromium.browserPath());
        }
        String reason = "BROWSER TESTS SKIPPED (" + context.getDisplayName() + "): " + missing
                + " - install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver),"
                + " or set CHROMIUM_BIN and CHROMEDRIVER_BIN";
        System.err.println("[WARNING] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
