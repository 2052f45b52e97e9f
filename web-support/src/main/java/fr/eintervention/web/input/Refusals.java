package fr.eintervention.web.input;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.v1.web.ProtocolAnswerBody;
import fr.eintervention.protocol.v1.web.ProtocolWebConfiguration;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Refusal;
import fr.eintervention.protocol.v2.web.V2WebConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes, from a filter or a valve, the answer to input refused before any controller: on a protocol
 * endpoint the contract's MAUVAIS_FORMAT body (v1's or v2's; HTTP 400, or 408 for a body too slow to come),
 * elsewhere a Problem Details body whose {@code errors} name the field at fault. The connection
 * is closed after it, without draining the body ({@link UnreadBody}).
 */
public final class Refusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Refusals() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Fault fault)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Written answer = answer(request, status, fault);
        // the body is not read, or not all of it: close rather than wait for the rest
        UnreadBody.answer(request, response, answer.status(), answer.contentType(), answer.body());
    }

    /** An answer's status, media type and body. */
    record Written(int status, String contentType, byte[] body) {
    }

    /**
     * The answer to a refusal: with a fault, on a protocol endpoint, the contract's MAUVAIS_FORMAT
     * (HTTP 400, or 408 kept); otherwise Problem Details of that status, whose {@code errors} list
     * the fault when there is one (v2's endpoints: v2's error body, HTTP 400).
     */
    static Written answer(HttpServletRequest request, HttpStatus status, Fault fault) {
        if (fault != null && ProtocolWebConfiguration.serves(request)) {
            int code = status == HttpStatus.REQUEST_TIMEOUT ? status.value() : Answer.MAUVAIS_FORMAT.httpStatus();
            return new Written(code, MediaType.APPLICATION_JSON_VALUE,
                    JSON.writeValueAsBytes(ProtocolAnswerBody.of(Answer.MAUVAIS_FORMAT, fault.describe())));
        }
        if (fault != null && V2WebConfiguration.serves(request)) {
            // v2: every refusal is its error body with HTTP 400 (but a body too slow to come)
            int code = status == HttpStatus.REQUEST_TIMEOUT ? status.value() : HttpStatus.BAD_REQUEST.value();
            return new Written(code, MediaType.APPLICATION_JSON_VALUE, JSON.writeValueAsBytes(new Refusal(ErrorCode.MAUVAIS_FORMAT,
                    List.of(new fr.eintervention.protocol.v2.Fault(fault.field(), fault.reason(), ErrorCode.MAUVAIS_FORMAT)),
                    fault.describe()).body()));
        }
        Map<String, Object> problem = Problems.body(status, fault == null ? null : fault.describe(), request);
        if (fault != null) {
            problem.put("errors", List.of(fault));
        }
        return new Written(status.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, JSON.writeValueAsBytes(problem));
    }
}
