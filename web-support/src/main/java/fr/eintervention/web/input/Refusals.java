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
 * Writes, from a filter, the answer to input refused before any controller: on a protocol
 * endpoint the contract's MAUVAIS_FORMAT body (v1's or v2's; HTTP 400, or 408 for a body too slow to come),
 * elsewhere a Problem Details body whose {@code errors} name the field at fault. The connection
 * is closed after it, without draining the body ({@link UnreadBody}).
 */
final class Refusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Refusals() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Fault fault)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Object body;
        MediaType type;
        int code = status.value();
        if (ProtocolWebConfiguration.serves(request)) {
            body = ProtocolAnswerBody.of(Answer.MAUVAIS_FORMAT, fault.describe());
            type = MediaType.APPLICATION_JSON;
            code = status == HttpStatus.REQUEST_TIMEOUT ? code : Answer.MAUVAIS_FORMAT.httpStatus();
        } else if (V2WebConfiguration.serves(request)) {
            // v2: every refusal is its error body with HTTP 400 (but a body too slow to come)
            body = new Refusal(ErrorCode.MAUVAIS_FORMAT,
                    List.of(new fr.eintervention.protocol.v2.Fault(fault.field(), fault.reason(), ErrorCode.MAUVAIS_FORMAT)),
                    fault.describe()).body();
            type = MediaType.APPLICATION_JSON;
            code = status == HttpStatus.REQUEST_TIMEOUT ? code : HttpStatus.BAD_REQUEST.value();
        } else {
            Map<String, Object> problem = Problems.body(status, fault.describe(), request);
            problem.put("errors", List.of(fault));
            body = problem;
            type = MediaType.APPLICATION_PROBLEM_JSON;
        }
        // the body is not read, or not all of it: close rather than wait for the rest
        UnreadBody.answer(request, response, code, type.toString(), JSON.writeValueAsBytes(body));
    }
}
