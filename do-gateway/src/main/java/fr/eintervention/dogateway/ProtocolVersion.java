package fr.eintervention.dogateway;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The version of the protocol an OI speaks ({@code protocolVersion}: {@code v1}, the default, or
 * {@code v2}): the M1/M3 this DO sends it, the natures the technicians may pick, and whether the
 * repair report and the line tests are offered.
 */
public enum ProtocolVersion {
    V1, V2;

    /** {@code v1}, {@code v2}: the word in JSON, configuration and SQL. */
    @JsonValue
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
