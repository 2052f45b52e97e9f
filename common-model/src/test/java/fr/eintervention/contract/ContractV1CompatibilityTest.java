package fr.eintervention.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Our v1 contract against the official E-Intervention v1.0.0 file kept in {@code openapi/official/}:
 * the publisher's file byte for byte, ours different only by the differences listed, each with its
 * decision record, in {@code contract-v1/decided-differences.txt} (every path, operation, schema,
 * property, required field and enum value is therefore the official one).
 */
class ContractV1CompatibilityTest {

    private static final String OFFICIAL = "E-Intervention-v1.0.0.OAS3.yaml";

    @Test
    void theOfficialFileIsThePublishersByteForByte() throws IOException {
        assertThat(Contracts.sha256(Contracts.OPENAPI.resolve("official").resolve(OFFICIAL)))
                .isEqualTo("062e789bef7c85a1ac2f15807732f961af91a8ae96e9baf4f214e76047b49acb");
    }

    @Test
    void oursDiffersFromTheOfficialOnlyByTheDecidedDifferences() throws IOException {
        List<String> actual = new ArrayList<>();
        Contracts.differences("V1", Contracts.read(Contracts.OPENAPI.resolve("official").resolve(OFFICIAL)),
                Contracts.read(Contracts.OPENAPI.resolve("e-intervention-v1.yaml")), actual);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(Contracts.decided("/contract-v1/decided-differences.txt"));
    }
}
