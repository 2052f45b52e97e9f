package fr.eintervention.oi.consultation;

import java.util.List;

/** One page of a consultation result. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
