package fr.eintervention.apidocs;

import java.util.Locale;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Real examples where an API says none, so that Swagger UI's "Try it out" starts from a value the
 * service accepts rather than {@code "string"}: by the property's or parameter's name (the
 * protocol's fields and this project's), else by its format (dates, URLs). An example already
 * given (e.g. by the protocol's contract) is kept.
 */
final class Examples implements GlobalOpenApiCustomizer {

    /** by name, case aside: the demo's values (docs/tutorial.md) */
    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("pm", "FI-35238-0001"),
            Map.entry("code_oi", "OI01"), Map.entry("codeoi", "OI01"),
            Map.entry("code_do", "DO01"), Map.entry("codedo", "DO01"),
            Map.entry("code_oc_impacte", "OC01"), Map.entry("oc", "OC01"), Map.entry("partner", "OC01"),
            Map.entry("ref_interv_oi", "OI01-20261124-ESHAW2RX"), Map.entry("refintervoi", "OI01-20261124-ESHAW2RX"),
            Map.entry("subject", "OI01-20261124-ESHAW2RX"),
            Map.entry("ref_interv_do", "DO01-INTER-0042"), Map.entry("refintervdo", "DO01-INTER-0042"),
            Map.entry("reference", "ESHAW2RX"),
            Map.entry("pbo", "PT000123"), Map.entry("pto", "FI-1234-5678"),
            Map.entry("tube", "T1"), Map.entry("fibre", "F3"), Map.entry("position_pm_module_oi", "M2-P14"),
            Map.entry("name", "Opérateur OC01"), Map.entry("baseurl", "https://oc01.example.com"),
            Map.entry("technicianid", "TECH-0042"), Map.entry("kind", "M2"),
            Map.entry("cause", "LOSS_OF_SIGNAL"));

    private static final String DATE_TIME = "2026-11-24T08:15:00Z";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(this::properties);
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::parameters));
        }
    }

    private void properties(Schema<?> schema) {
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> fill(name, property));
        }
    }

    private void parameters(Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getExample() == null && parameter.getSchema() != null) {
                    fill(parameter.getName(), parameter.getSchema());
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void fill(String name, Schema property) {
        if (property.getExample() != null || property.getEnum() != null || property.get$ref() != null) {
            return;
        }
        String example = example(name, property);
        if (example != null) {
            property.setExample(example);
        } else if (property.getItems() != null) {
            fill(name, property.getItems());
        }
    }

    private static String example(String name, Schema<?> property) {
        boolean text = "string".equals(property.getType())
                || (property.getTypes() != null && property.getTypes().contains("string"));
        if (!text) {
            return null;
        }
        String byName = name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (byName != null) {
            return byName;
        }
        if ("date-time".equals(property.getFormat())) {
            return DATE_TIME;
        }
        if ("date".equals(property.getFormat())) {
            return "2026-11-24";
        }
        if ("uri".equals(property.getFormat()) || "url".equals(property.getFormat())) {
            return "https://oc01.example.com";
        }
        return null;
    }
}
