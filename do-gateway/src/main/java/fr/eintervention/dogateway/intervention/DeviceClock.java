package fr.eintervention.dogateway.intervention;

/**
 * How far the technician's device clock was from the gateway's when a start or an end was
 * captured, as the tool measured it on its last contact (positive: the device was ahead). The
 * timestamps are declared as captured; a large offset tells the DO they may be off by as much.
 *
 * @param startOffsetSeconds at the start, null when the tool did not say
 * @param endOffsetSeconds   at the end, null when the tool did not say (or no end yet)
 */
record DeviceClock(Integer startOffsetSeconds, Integer endOffsetSeconds) {

    static final DeviceClock UNKNOWN = new DeviceClock(null, null);

    /** A device offset beyond this (either way) is shown as a warning: 2 minutes. */
    static final int LARGE_SECONDS = 120;

    DeviceClock atEnd(Integer offsetSeconds) {
        return offsetSeconds == null ? this : new DeviceClock(startOffsetSeconds, offsetSeconds);
    }
}
