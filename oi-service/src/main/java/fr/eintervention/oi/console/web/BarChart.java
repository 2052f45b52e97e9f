package fr.eintervention.oi.console.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn by the server as inline SVG (no script): one bar per label, its
 * value written beside it; the table next to the chart holds the same figures for screen readers.
 */
record BarChart(String title, List<Bar> bars, int width, int height) {

    static final int LABEL_WIDTH = 150;
    static final int ROW = 22;
    static final int BAR_AREA = 420;

    /** the longest label drawn; the full one is in the bar's tooltip and in the table */
    static final int LABEL_MAX = 22;

    /** One bar: its label (cut to fit), its full label, value, and geometry in the SVG. */
    record Bar(String label, String fullLabel, long value, int y, int length) {
    }

    static BarChart of(String title, List<String> labels, List<Long> values) {
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            long value = values.get(i);
            int length = max == 0 ? 0 : (int) Math.max(value > 0 ? 1 : 0, Math.round((double) BAR_AREA * value / max));
            String label = labels.get(i) == null ? "" : labels.get(i);
            String shown = label.length() > LABEL_MAX ? label.substring(0, LABEL_MAX - 1) + "…" : label;
            bars.add(new Bar(shown, label, value, i * ROW, length));
        }
        return new BarChart(title, bars, LABEL_WIDTH + BAR_AREA + 80, Math.max(ROW, bars.size() * ROW));
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }
}
