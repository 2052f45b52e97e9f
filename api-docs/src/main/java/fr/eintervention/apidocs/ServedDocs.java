package fr.eintervention.apidocs;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The project's documentation (its Markdown files, packed in this module), served by each service
 * at {@code /docs/}: the links of the API's description open where the service runs, with no
 * repository to reach. Shown as text in the browser; nothing but those files.
 */
@RestController
@Hidden
final class ServedDocs {

    static final String PATH = "/docs/";
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    @GetMapping(PATH + "**")
    ResponseEntity<Resource> document(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PATH.length());
        Resource document = new ClassPathResource("eintervention-docs/docs/" + path);
        if (path.contains("..") || path.contains("//") || !path.endsWith(".md") || !document.exists()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(TEXT).body(document);
    }
}
