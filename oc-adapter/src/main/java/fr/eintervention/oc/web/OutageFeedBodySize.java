package fr.eintervention.oc.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.eintervention.oc.OcProperties;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The outage feed ({@code POST /outages}, {@code /outages/csv}) takes up to
 * {@code eintervention.oc.outages.max-batch} events a request (100,000: about 21MB of JSON), far
 * above the security module's {@code eintervention.security.max-body-size} (256KB), which is
 * sized for protocol messages and applies before authentication. Raising that limit for the whole
 * service would let anonymous callers make it buffer large chunked bodies; instead:
 * <ul>
 * <li>the module's limit is kept for every path but the feed's;</li>
 * <li>the feed's paths get their own limit, {@code eintervention.oc.outages.max-body-size}
 * (default 32MB), checked <em>after</em> Spring Security: only a caller with the operator scope
 * gets that far (anonymous callers get 401, other tokens 403, without their body being read).</li>
 * </ul>
 * A larger body gets 413 Problem Details, as from the module.
 */
@Configuration(proxyBeanMethods = false)
class OutageFeedBodySize {

    /** The security module's body size filter registration (bean and filter name). */
    static final String MODULE_FILTER = "einterventionBodySizeLimit";
    /** After Spring Security's filter chain (order -100): the caller is authorized by then. */
    static final int FEED_FILTER_ORDER = 0;

    static boolean isOutageFeed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/outages") || path.startsWith("/outages/");
    }

    /** Leaves the feed's paths out of the module's filter, whatever else it does. */
    @Bean
    static BeanPostProcessor outageFeedOutOfTheModuleBodySizeLimit() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!MODULE_FILTER.equals(beanName) || !(bean instanceof FilterRegistrationBean<?> module)) {
                    return bean;
                }
                FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ExceptOutageFeed(module.getFilter()));
                registration.setName(MODULE_FILTER);
                registration.setOrder(module.getOrder());
                registration.setEnabled(module.isEnabled());
                return registration;
            }
        };
    }

    @Bean
    FilterRegistrationBean<FeedBodySizeLimit> outageFeedBodySizeLimit(OcProperties properties) {
        FilterRegistrationBean<FeedBodySizeLimit> registration =
                new FilterRegistrationBean<>(new FeedBodySizeLimit(properties.outages().maxBodySize().toBytes()));
        registration.addUrlPatterns("/outages", "/outages/*");
        registration.setOrder(FEED_FILTER_ORDER);
        registration.setName("outageFeedBodySizeLimit");
        return registration;
    }

    /** The module's filter, but for the outage feed. */
    static final class ExceptOutageFeed implements Filter {

        private final Filter limit;

        ExceptOutageFeed(Filter limit) {
            this.limit = limit;
        }

        @Override
        public void init(FilterConfig config) throws ServletException {
            limit.init(config);
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && isOutageFeed(http)) {
                chain.doFilter(request, response);
            } else {
                limit.doFilter(request, response, chain);
            }
        }

        @Override
        public void destroy() {
            limit.destroy();
        }
    }

    /**
     * 413 for a feed body above the limit: at once from its {@code Content-Length}, or, chunked,
     * by reading at most the limit plus one byte (then handed on from memory).
     */
    static final class FeedBodySizeLimit extends OncePerRequestFilter {

        private final long maxBytes;

        FeedBodySizeLimit(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long length = request.getContentLengthLong();
            if (length > maxBytes) {
                tooLarge(request, response);
                return;
            }
            if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
                byte[] body = request.getInputStream().readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
                if (body.length > maxBytes) {
                    tooLarge(request, response);
                    return;
                }
                chain.doFilter(new BufferedBody(request, body), response);
                return;
            }
            chain.doFilter(request, response);
        }

        private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"outage feed body larger than " + maxBytes + " bytes"
                    + " (eintervention.oc.outages.max-body-size): send smaller batches\",\"instance\":\""
                    + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        }
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
