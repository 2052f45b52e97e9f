package fr.eintervention.conformance.suite;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One HTTP exchange a test made or saw: a request the kit SENT and the answer it got, or a request
 * the kit RECEIVED from the target and what it answered. {@code expected} says what the test wanted.
 */
public record Exchange(Direction direction, String method, String url, Map<String, String> headers, String requestBody,
        int status, String responseBody, String expected) {

    public enum Direction { SENT, RECEIVED }

    public Exchange withExpected(String text) {
        return new Exchange(direction, method, url, headers, requestBody, status, responseBody, text);
    }

    /** A command that sends the same request again (the kit's tokens replaced by a placeholder). */
    public String curl() {
        if (direction != Direction.SENT) {
            return "";
        }
        String headerOptions = headers.entrySet().stream()
                .map(h -> " -H " + quote(h.getKey() + ": " + (h.getKey().equalsIgnoreCase("Authorization") ? "Bearer $TOKEN" : h.getValue())))
                .collect(Collectors.joining());
        return "curl -i -X " + method + headerOptions + (requestBody == null ? "" : " --data-raw " + quote(requestBody)) + " " + quote(url);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
