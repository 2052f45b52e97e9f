package fr.eintervention.web.input;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 Problem Details body from a filter, where no message converter runs. Every
 * such answer refuses a request before its body is read: the connection is closed after it,
 * without draining the body ({@link UnreadBody}), which a caller could send a byte at a time.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static Map<String, Object> body(HttpStatus status, String detail, HttpServletRequest request) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("instance", request.getRequestURI());
        return problem;
    }

    public static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        UnreadBody.answer(request, response, status.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                JSON.writeValueAsBytes(body(status, detail, request)));
    }
}
