package io.github.mqjssandbox.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A grouped horizontal bar chart of the run (log-scale time), drawn with Java2D. */
final class Chart {
    private Chart() {}

    private static final Color[] COLORS = {
        new Color(0x222222), new Color(0x7f7f7f), new Color(0xd62728), new Color(0xff7f0e),
        new Color(0xffbb78), new Color(0x9467bd), new Color(0x2ca02c), new Color(0x98df8a),
        new Color(0x1f77b4), new Color(0x17becf),
    };

    private static String decade(int d) {
        String[] units = {"µs", "ms", "s"};
        int u = Math.min(2, Math.max(0, Math.floorDiv(d, 3)));
        int rest = d - 3 * u;
        return rest >= 0 ? (long) Math.pow(10, rest) + " " + units[u] : String.format(java.util.Locale.ROOT, "%s µs", Math.pow(10, d));
    }

    static void render(RunAll run, Path png) throws IOException {
        int bar = 11, gap = 14, left = 230, right = 40, top = 60, legendH = 60;
        int groups = Workloads.ALL.size(), cols = RunAll.COLUMNS.size();
        int plotH = groups * (cols * bar + gap);
        int width = 1200, height = top + plotH + 40 + legendH;
        double min = Double.MAX_VALUE, max = 0;
        for (String w : Workloads.ALL) {
            for (Double v : run.micros.get(w).values()) {
                if (v != null && v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (max == 0) {
            min = 1;
            max = 10;
        }
        double lo = Math.floor(Math.log10(min)), hi = Math.ceil(Math.log10(max));
        if (hi <= lo) hi = lo + 1;
        int plotW = width - left - right;

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Time per operation (log scale, lower is better) — " + (run.full ? "full" : "short")
                + " mode, noisy 2-core machine", 20, 28);

        // grid and axis labels: decades of microseconds
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int d = (int) lo; d <= (int) hi; d++) {
            int x = left + (int) ((d - lo) / (hi - lo) * plotW);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, top - 5, x, top + plotH);
            g.setColor(Color.DARK_GRAY);
            String label = decade(d);
            g.drawString(label, x - fm.stringWidth(label) / 2, top - 10);
            g.drawString(label, x - fm.stringWidth(label) / 2, top + plotH + 15);
        }

        int y = top;
        for (String w : Workloads.ALL) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            String name = Workloads.label(w).replace("`", "");
            int groupH = cols * bar;
            g.drawString(name, left - 10 - g.getFontMetrics().stringWidth(name), y + groupH / 2 + 5);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            for (int i = 0; i < cols; i++) {
                Double v = run.micros.get(w).get(RunAll.COLUMNS.get(i));
                int by = y + i * bar;
                if (v == null || v <= 0) {
                    g.setColor(Color.GRAY);
                    g.drawString("n/a", left + 3, by + bar - 2);
                    continue;
                }
                int len = Math.max(1, (int) ((Math.log10(v) - lo) / (hi - lo) * plotW));
                g.setColor(COLORS[i % COLORS.length]);
                g.fillRect(left, by, len, bar - 2);
                g.setColor(Color.DARK_GRAY);
                g.drawString(Report.time(v), left + len + 3, by + bar - 2);
            }
            y += groupH + gap;
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, top - 5, left, top + plotH);

        // legend
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int lx = 20, ly = top + plotH + 35;
        for (int i = 0; i < cols; i++) {
            String label = RunAll.shortLabel(RunAll.COLUMNS.get(i));
            int w = 18 + g.getFontMetrics().stringWidth(label) + 18;
            if (lx + w > width - 10) {
                lx = 20;
                ly += 20;
            }
            g.setColor(COLORS[i % COLORS.length]);
            g.fillRect(lx, ly - 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(label, lx + 16, ly);
            lx += w;
        }
        g.dispose();
        if (png.getParent() != null) Files.createDirectories(png.getParent());
        ImageIO.write(img, "png", png.toFile());
    }
}
