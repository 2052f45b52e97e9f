package fr.eintervention.delivery;

import java.util.List;

/**
 * A page of messages, newest first.
 *
 * @param items the messages of this page
 * @param page  the page number, from 0
 * @param size  the page size asked
 * @param total how many messages match, over every page
 */
public record DeliveryPage(List<DeliveryRecord> items, int page, int size, long total) {
}
