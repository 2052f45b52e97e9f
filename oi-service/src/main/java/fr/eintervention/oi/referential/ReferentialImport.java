package fr.eintervention.oi.referential;

import fr.eintervention.protocol.Fault;

import java.time.Instant;
import java.util.List;

/**
 * One bulk import of the referential: how far it got and what it found.
 *
 * @param content     what the file holds, known once its header is read (null before)
 * @param percentage  0 to 100: the share of the file read while validating (up to 95), then 95
 *                    while applying, 100 when finished
 * @param linesRead   lines of the file read so far, header included
 * @param faultCount  faults found so far; any fault and nothing is applied
 * @param faults      the faults, by line (the first {@code max-reported-faults} of them)
 * @param added       when applied: PMs (or partners) created
 * @param updated     when applied: PMs (or partners) that existed and changed
 * @param retired     when applied: PMs retired (a replacing import, PMs absent from the file)
 * @param error       when FAILED: what went wrong, not the file's doing (e.g. the database)
 */
public record ReferentialImport(long id, Content content, Mode mode, Status status, int percentage,
        long linesRead, long faultCount, List<Fault> faults, Integer added, Integer updated, Integer retired,
        String error, Instant createdAt, Instant finishedAt) {

    /** What a file holds, told by its header. */
    public enum Content {
        /** {@code PM;Code_OI;OC}: the PMs and the OCs present at each (OC: codes separated by {@code |}) */
        PMS,
        /** {@code Code;Nom;URL;Flux3}: the partners */
        PARTNERS
    }

    public enum Mode {
        /** the file's PMs are created or replaced; the others are left as they are */
        MERGE,
        /** the file becomes the referential: PMs absent from it are retired */
        REPLACE
    }

    public enum Status {
        RECEIVED, VALIDATING, APPLYING,
        /** the whole file was applied, in one transaction */
        APPLIED,
        /** the file has faults: nothing applied */
        REJECTED,
        /** something other than the file failed (e.g. the database, a restart): nothing applied */
        FAILED;

        public boolean finished() {
            return this == APPLIED || this == REJECTED || this == FAILED;
        }
    }
}
