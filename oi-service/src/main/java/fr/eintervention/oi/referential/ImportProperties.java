package fr.eintervention.oi.referential;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The bulk import of the referential ({@code POST /admin/referential/imports}).
 *
 * @param maxSize           the largest file taken (default 1GB; 200,000 PMs are about 6MB);
 *                          the file is written to the temporary directory while it is imported
 * @param maxReportedFaults the faults kept for the report (default 1,000); all are counted
 */
@ConfigurationProperties("eintervention.oi.referential-import")
public record ImportProperties(@DefaultValue("1GB") DataSize maxSize, @DefaultValue("1000") int maxReportedFaults) {
}
