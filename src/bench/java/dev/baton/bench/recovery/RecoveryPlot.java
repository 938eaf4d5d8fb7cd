package dev.baton.bench.recovery;

import java.util.List;
import java.util.Locale;

/**
 * A hand-written SVG of recovery curves: the share of orders synced, and the downstream calls per second, against
 * seconds since the downstream recovered; one line per outcome.
 */
final class RecoveryPlot {

    private static final int W = 760;
    private static final int H = 250;
    private static final int LEFT = 60;
    private static final int TOP = 30;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private RecoveryPlot() {
    }

    /** Two stacked charts over {@code seconds} after the recovery. */
    static String svg(String title, List<String> labels, List<RecoverySimulation.Outcome> outcomes, int seconds) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                W + LEFT + 20, 2 * H + 3 * TOP + 40, LEFT, title));
        double maxRate = 1;
        for (RecoverySimulation.Outcome o : outcomes) {
            int from = (int) (o.scenario().recoverAt().toMillis() / 1000);
            for (int s = from; s < Math.min(o.callsPerSecond().length, from + seconds); s++) {
                maxRate = Math.max(maxRate, o.callsPerSecond()[s]);
            }
        }
        axes(svg, TOP + 10, "orders synced (%)", 100, seconds);
        axes(svg, TOP * 2 + H + 20, "downstream calls per second", maxRate, seconds);
        for (int i = 0; i < outcomes.size(); i++) {
            RecoverySimulation.Outcome o = outcomes.get(i);
            String colour = COLOURS[i % COLOURS.length];
            svg.append(line(synced(o, seconds), 100, TOP + 10, seconds, colour));
            svg.append(line(rate(o, seconds), maxRate, TOP * 2 + H + 20, seconds, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    LEFT + W - 300, TOP + 40 + 16 * i + H / 2, colour, labels.get(i)));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double[] synced(RecoverySimulation.Outcome o, int seconds) {
        double[] out = new double[seconds + 1];
        long recover = o.scenario().recoverAt().toMillis();
        for (long t : o.syncedAt()) {
            if (t >= 0) {
                int s = (int) Math.max(0, Math.ceil((t - recover) / 1000.0));
                if (s <= seconds) {
                    out[s]++;
                }
            }
        }
        for (int s = 1; s <= seconds; s++) {
            out[s] += out[s - 1];
        }
        for (int s = 0; s <= seconds; s++) {
            out[s] = 100.0 * out[s] / o.syncedAt().length;
        }
        return out;
    }

    private static double[] rate(RecoverySimulation.Outcome o, int seconds) {
        double[] out = new double[seconds + 1];
        int from = (int) (o.scenario().recoverAt().toMillis() / 1000);
        for (int s = 0; s <= seconds && from + s < o.callsPerSecond().length; s++) {
            out[s] = o.callsPerSecond()[from + s];
        }
        return out;
    }

    private static void axes(StringBuilder svg, int top, String label, double max, int seconds) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>%n<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT, top, W, H, LEFT + 5, top + 15, label));
        for (int i = 0; i <= 4; i++) {
            int y = top + H - H * i / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f</text>%n",
                    LEFT - 5, y + 4, max * i / 4));
            int x = LEFT + W * i / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d s</text>%n", x,
                    top + H + 15, seconds * i / 4));
        }
    }

    private static String line(double[] values, double max, int top, int seconds, String colour) {
        StringBuilder points = new StringBuilder();
        for (int s = 0; s < values.length; s++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + (double) W * s / seconds,
                    top + H - H * Math.min(values[s], max) / max));
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\" points=\"" + points + "\"/>\n";
    }
}
