package fr.eintervention.oc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

/** The outage feed's own body size limit, and the module's limit left for every other path. */
class OutageFeedBodySizeTest {

    private final AtomicReference<String> passed = new AtomicReference<>();
    private final FilterChain chain = (request, response) ->
            passed.set(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

    private static MockHttpServletRequest post(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** A chunked body: no Content-Length. */
    private static MockHttpServletRequest chunked(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }

    private MockHttpServletResponse run(Filter filter, MockHttpServletRequest request) throws ServletException, IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void refusesABodyAboveTheLimitByItsLengthOrByCountingAChunkedOne() throws Exception {
        Filter limit = new OutageFeedBodySize.FeedBodySizeLimit(10);

        MockHttpServletResponse declared = run(limit, post("/outages", "01234567890"));
        MockHttpServletResponse counted = run(limit, chunked("/outages/csv", "01234567890"));

        for (MockHttpServletResponse response : new MockHttpServletResponse[] {declared, counted}) {
            assertThat(response.getStatus()).isEqualTo(413);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains("eintervention.oc.outages.max-body-size");
        }
        assertThat(passed.get()).as("nothing reached the controller").isNull();
    }

    @Test
    void handsOnABodyWithinTheLimitWholeEvenChunked() throws Exception {
        Filter limit = new OutageFeedBodySize.FeedBodySizeLimit(10);

        assertThat(run(limit, chunked("/outages", "0123456789")).getStatus()).isEqualTo(200);
        assertThat(passed.get()).isEqualTo("0123456789");
    }

    @Test
    void theModulesLimitAppliesToEveryPathButTheFeeds() throws Exception {
        Filter refuseAll = (request, response, next) -> ((HttpServletResponse) response).setStatus(413);
        Filter module = new OutageFeedBodySize.ExceptOutageFeed(refuseAll);

        assertThat(run(module, post("/v1/intervention_OI", "{}")).getStatus()).isEqualTo(413);
        assertThat(run(module, post("/outagesX", "{}")).getStatus()).isEqualTo(413);
        assertThat(run(module, post("/own-interventions", "{}")).getStatus()).isEqualTo(413);
        assertThat(run(module, post("/outages", "{}")).getStatus()).isEqualTo(200);
        assertThat(run(module, post("/outages/csv", "{}")).getStatus()).isEqualTo(200);
    }
}
