package fr.eintervention.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.security.EInterventionSecurityAutoConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The protocol's operations, wherever a service exposes them, tagged and described in the
 * protocol's words (M1/M3, M2/M4, M5), with every answer they give and its HTTP status: the
 * contract's answers, and the Problem Details of the security layer (401, 403, 413, 429).
 */
final class ProtocolOperations implements GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";

    /** One protocol endpoint, as the specification names it. */
    record Message(String path, String tag, String tagDescription, String summary, String description,
            String answerSchemaNote, List<Answer> notFound, String scope, String sender, Map<String, Object> okExample) {
    }

    static final List<Message> MESSAGES = List.of(
            new Message(EInterventionSecurityAutoConfiguration.INTERVENTION_DO,
                    "M1/M3 intervention_DO",
                    "Flux 1: a DO (opérateur donneur d'ordre) declares to the OI (opérateur d'immeuble) the start (M1)"
                            + " and the end (M3) of a technician's presence at a PM. The OI validates and stores it,"
                            + " answers with its own reference (Ref_Interv_OI) and forwards it at once, anonymised, to"
                            + " every OC present at the PM (M2/M4).",
                    "M1/M3: declare the start or the end of an intervention at a PM (DO to OI)",
                    "M1 carries Debut_Inter and no Fin_Inter; M3 carries Fin_Inter. A message for a (Code_DO,"
                            + " Ref_Interv_DO) already received updates that intervention and answers the same"
                            + " Ref_Interv_OI, so a DO may send it again safely. Nothing is stored when the answer is"
                            + " not OK.",
                    "reponse_Intervention_DO",
                    List.of(Answer.CODE_OI_INCONNU, Answer.PM_INCONNU),
                    "write:interventions", "Code_DO",
                    ok("Ref_Interv_OI", "OI01-20261130-3Q9D0K7M")),
            new Message(EInterventionSecurityAutoConfiguration.INTERVENTION_OI,
                    "M2/M4 intervention_OI",
                    "Flux 2: the OI forwards each M1 (as M2) and each M3 (as M4), anonymised, to every OC present at"
                            + " the PM, so that an OC can trace its customers' outages to the intervention that"
                            + " caused them.",
                    "M2/M4: receive the start or the end of an intervention at a PM (OI to OC)",
                    "M2 carries Debut_Inter and no Fin_Inter; M4 carries Fin_Inter. A message for a Ref_Interv_OI"
                            + " already received updates it, so the OI may send it again safely. Nothing is stored"
                            + " when the answer is not OK.",
                    "reponse_Intervention_OI",
                    List.of(Answer.CODE_OI_INCONNU, Answer.PM_INCONNU),
                    "write:interventions", "Code_OI",
                    ok()),
            new Message(EInterventionSecurityAutoConfiguration.CLIENTS_HS,
                    "M5 client_HS_OC_Par_Inter",
                    "Flux 3 (optional): an OC declares to the OI the customers whose lines went down during an"
                            + " intervention (Liste_Clients_HS), for the intervention's Ref_Interv_OI.",
                    "M5: declare the customers cut during an intervention (OC to OI)",
                    "For an intervention the OI forwarded to this OC (M2/M4). Code_OC_impacte is the OC sending it."
                            + " Nothing is stored when the answer is not OK.",
                    "reponse_Client_HS_OC_Par_Inter",
                    List.of(Answer.REF_INTERV_OI_INCONNUE),
                    "write:clients", "Code_OC_impacte",
                    ok()));

    private static final Map<Answer, String> WHEN = Map.of(
            Answer.CHAMPS_NON_RENSEIGNE, "a mandatory field is missing or empty",
            Answer.MAUVAIS_FORMAT, "a field has the wrong type, length, pattern or value, or the body is not a JSON"
                    + " object of the contract",
            Answer.CODE_OI_INCONNU, "Code_OI is not an OI known here",
            Answer.PM_INCONNU, "the PM is not in the referential (for that Code_OI)",
            Answer.REF_INTERV_OI_INCONNUE, "no intervention of that Ref_Interv_OI was forwarded to this OC");

    private static final Map<Answer, String> EXAMPLE_DESCRIPTION = Map.of(
            Answer.CHAMPS_NON_RENSEIGNE, "champs manquants: PM",
            Answer.MAUVAIS_FORMAT, "Debut_Inter: format ISO 8601 attendu",
            Answer.CODE_OI_INCONNU, "Code_OI inconnu: OI99",
            Answer.PM_INCONNU, "PM inconnu: FI-99999-9999",
            Answer.REF_INTERV_OI_INCONNUE, "Ref_Interv_OI inconnue: OI01-2026-999999");

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        List<Tag> tags = new ArrayList<>();
        for (Message message : MESSAGES) {
            PathItem item = api.getPaths().get(message.path());
            if (item == null || item.getPost() == null) {
                continue;
            }
            tags.add(new Tag().name(message.tag()).description(message.tagDescription()));
            describe(item.getPost(), message);
        }
        if (!tags.isEmpty()) {
            // the protocol first, then the service's own tools
            if (api.getTags() != null) {
                api.getTags().stream().filter(tag -> tags.stream().noneMatch(own -> own.getName().equals(tag.getName())))
                        .forEach(tags::add);
            }
            api.setTags(tags);
            api.getComponents().addSchemas(PROBLEM, problemSchema());
        }
    }

    private static void describe(Operation operation, Message message) {
        operation.setTags(new ArrayList<>(List.of(message.tag())));
        operation.setSummary(message.summary());
        operation.setDescription(message.description() + "\n\nThe answer's body is the contract's "
                + message.answerSchemaNote() + ", for every answer of the protocol: Code_Reponse, Libelle_Reponse and,"
                + " when it is not OK, Description_Reponse (at most 100 characters).");
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        Schema<?> answerSchema = ok == null || ok.getContent() == null || ok.getContent().isEmpty() ? new ObjectSchema()
                : ok.getContent().values().iterator().next().getSchema();
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", answer("OK: the message is accepted and stored.", answerSchema,
                Map.of("OK", example("OK", message.okExample()))));
        responses.addApiResponse("400", answer(describe(List.of(Answer.CHAMPS_NON_RENSEIGNE, Answer.MAUVAIS_FORMAT)),
                answerSchema, examples(List.of(Answer.CHAMPS_NON_RENSEIGNE, Answer.MAUVAIS_FORMAT))));
        responses.addApiResponse("404", answer(describe(message.notFound()), answerSchema, examples(message.notFound())));
        responses.addApiResponse("401", problem("No token, or an invalid one (expired, another issuer, bad signature)."));
        responses.addApiResponse("403", problem("The token lacks the scope " + message.scope() + ", or " + message.sender()
                + " is not the caller's operator code (a partner only speaks for itself)."));
        responses.addApiResponse("413", problem("The body is larger than the service accepts"
                + " (eintervention.security.max-body-size); it is not read."));
        responses.addApiResponse("429", problem("The caller is over its rate (eintervention.security.rate-limit):"
                + " try again later."));
        operation.setResponses(responses);
    }

    private static String describe(List<Answer> answers) {
        StringBuilder text = new StringBuilder();
        for (Answer answer : answers) {
            text.append(text.isEmpty() ? "" : "; ").append(answer.name()).append(" (Code_Reponse ").append(answer.code())
                    .append("): ").append(WHEN.get(answer));
        }
        return text.append('.').toString();
    }

    private static Map<String, Example> examples(List<Answer> answers) {
        Map<String, Example> examples = new LinkedHashMap<>();
        for (Answer answer : answers) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Code_Reponse", answer.code());
            body.put("Libelle_Reponse", answer.name());
            body.put("Description_Reponse", EXAMPLE_DESCRIPTION.get(answer));
            examples.put(answer.name(), example(answer.name(), body));
        }
        return examples;
    }

    private static Example example(String summary, Map<String, Object> body) {
        return new Example().summary(summary).value(body);
    }

    private static Map<String, Object> ok(String... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code_Reponse", Answer.OK.code());
        body.put("Libelle_Reponse", Answer.OK.name());
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }

    private static ApiResponse answer(String description, Schema<?> schema, Map<String, Example> examples) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(schema).examples(examples)));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 Problem Details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Forbidden"))
                .addProperty("status", new IntegerSchema().example(403))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().example("/v1/intervention_DO"));
    }
}
