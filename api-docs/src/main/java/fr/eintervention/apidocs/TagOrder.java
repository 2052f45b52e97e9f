package fr.eintervention.apidocs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The tags Swagger UI shows first ({@code eintervention.api-docs.tags-first}, in that order): a
 * service's main API before its administration (e.g. the DO gateway's field API before its
 * deliveries); the others follow as found.
 */
final class TagOrder implements GlobalOpenApiCustomizer {

    private final List<String> first;

    TagOrder(List<String> first) {
        this.first = List.copyOf(first);
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (first.isEmpty() || openApi.getTags() == null) {
            return;
        }
        List<Tag> tags = new ArrayList<>(openApi.getTags());
        tags.sort(Comparator.comparingInt(tag -> {
            int rank = first.indexOf(tag.getName());
            return rank < 0 ? first.size() : rank;
        }));
        openApi.setTags(tags);
    }
}
