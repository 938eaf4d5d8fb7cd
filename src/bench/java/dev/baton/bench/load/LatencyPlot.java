package dev.baton.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A hand-written SVG of latency distributions, as HdrHistogram plots them: latency against percentile on a
 * log scale of 1 / (1 − p), so the tail (99 %, 99.9 %) gets as much room as the median; one line per operation
 * of the load phases.
 */
final class LatencyPlot {

    private static final int W = 720;
    private static final int H = 330;
    private static final int LEFT = 60;
    private static final int TOP = 40;
    private static final double MAX_X = 3; // 99.9 %
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private LatencyPlot() {
    }

    /** One line per operation of every phase, labelled "phase: operation". */
    static String svg(String title, List<LoadPhase.Result> phases) {
        List<String> labels = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (LoadPhase.Result phase : phases) {
            phase.latencies().histograms().forEach((op, h) -> {
                if (!op.equals("order start")) { // the same in every phase: the setup of the others
                    labels.add(phase.name() + ": " + op);
                    histograms.add(h);
                }
            });
        }
        double maxMs = histograms.stream().mapToDouble(h -> h.getValueAtPercentile(99.9) / 1000.0).max().orElse(1);
        maxMs = Math.ceil(maxMs / 100) * 100;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                W + LEFT + 290, H + TOP + 50, LEFT, title));
        axes(svg, maxMs);
        for (int i = 0; i < histograms.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            svg.append(line(histograms.get(i), maxMs, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", LEFT + W + 12,
                    TOP + 16 + i * 18, colour, labels.get(i)));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, double maxMs) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", LEFT, TOP, W, H));
        for (int i = 0; i <= 5; i++) {
            double ms = maxMs * i / 5;
            int y = TOP + H - (int) (H * i / 5.0);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f ms</text>%n"
                    + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>%n", LEFT - 6, y + 4, ms,
                    LEFT, y, LEFT + W, y));
        }
        String[] ticks = {"0 %", "90 %", "99 %", "99.9 %"};
        for (int i = 0; i <= MAX_X; i++) {
            int x = LEFT + (int) (W * i / MAX_X);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n"
                    + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>%n", x, TOP + H + 18, ticks[i],
                    x, TOP, x, TOP + H));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                LEFT + W / 2, TOP + H + 38));
    }

    private static String line(Histogram h, double maxMs, String colour) {
        StringBuilder points = new StringBuilder();
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo() / 100.0;
            double x = p >= 1 ? MAX_X : Math.min(MAX_X, Math.log10(1 / (1 - p)));
            double ms = Math.min(maxMs, v.getValueIteratedTo() / 1000.0);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + W * x / MAX_X, TOP + H - H * ms / maxMs));
            if (x >= MAX_X) {
                break;
            }
        }
        return String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                colour, points.toString().trim());
    }
}
