package fr.eintervention.protocol.v1.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import fr.eintervention.protocol.v1.Answer;

/**
 * A KO answer, wire-identical to the contract's three response schemas
 * ({@code reponse_Intervention_DO}, {@code reponse_Intervention_OI}, {@code reponse_Client_HS_OC_Par_Inter}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProtocolAnswerBody(
        @JsonProperty("Code_Reponse") int code,
        @JsonProperty("Libelle_Reponse") String label,
        @JsonProperty("Description_Reponse") String description) {

    public static ProtocolAnswerBody of(Answer answer, String description) {
        return new ProtocolAnswerBody(answer.code(), answer.name(), Answer.fit(description));
    }
}
