package io.github.rubric.report;

import io.github.rubric.model.Points;
import io.github.rubric.rules.batch.Ranking;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Charts drawn as inline SVG, so that the HTML report needs no script and no network. Coordinates are computed
 * with {@link BigDecimal} and printed with at most one decimal, so the same data always draws the same text.
 */
final class Svg {
    private static final int WIDTH = 540;

    private Svg() {
    }

    /**
     * A column chart of the distribution of totals; bins below the pass line are drawn in the failing colour.
     */
    static String distribution(List<Ranking.Bin> bins, BigDecimal passLine) {
        int height = 240;
        int left = 36;
        int bottom = 200;
        int top = 20;
        int plotWidth = WIDTH - left - 10;
        int max = Math.max(1, bins.stream().mapToInt(Ranking.Bin::count).max().orElse(0));
        StringBuilder svg = open(height, "总分分布：各分数段的对象数");
        // Horizontal grid lines at whole counts.
        int step = Math.max(1, (max + 4) / 5);
        for (int count = 0; count <= max; count += step) {
            String y = num(scale(bottom, -(bottom - top), count, max));
            svg.append("<line class=\"grid\" x1=\"").append(left).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(left + plotWidth).append("\" y2=\"").append(y).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(left - 6).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(count).append("</text>");
        }
        BigDecimal slot = BigDecimal.valueOf(plotWidth).divide(BigDecimal.valueOf(bins.size()), 4, RoundingMode.HALF_UP);
        for (int i = 0; i < bins.size(); i++) {
            Ranking.Bin bin = bins.get(i);
            BigDecimal x = BigDecimal.valueOf(left).add(slot.multiply(BigDecimal.valueOf(i)));
            BigDecimal barWidth = slot.multiply(new BigDecimal("0.76"));
            BigDecimal barX = x.add(slot.multiply(new BigDecimal("0.12")));
            BigDecimal y = scale(bottom, -(bottom - top), bin.count(), max);
            boolean failing = passLine != null && bin.to().compareTo(passLine) <= 0;
            svg.append("<rect class=\"").append(failing ? "bar fail" : "bar").append("\" x=\"").append(num(barX))
                    .append("\" y=\"").append(num(y)).append("\" width=\"").append(num(barWidth)).append("\" height=\"")
                    .append(num(BigDecimal.valueOf(bottom).subtract(y))).append("\"><title>").append(bin.label())
                    .append(" 分：").append(bin.count()).append("</title></rect>");
            BigDecimal centre = x.add(slot.divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP));
            if (bin.count() > 0) {
                svg.append("<text class=\"value\" x=\"").append(num(centre)).append("\" y=\"").append(num(y.subtract(BigDecimal.valueOf(4))))
                        .append("\" text-anchor=\"middle\">").append(bin.count()).append("</text>");
            }
            svg.append("<text class=\"axis\" x=\"").append(num(centre)).append("\" y=\"").append(bottom + 16)
                    .append("\" text-anchor=\"middle\">").append(Html.escape(bin.label())).append("</text>");
        }
        svg.append("<line class=\"baseline\" x1=\"").append(left).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(left + plotWidth).append("\" y2=\"").append(bottom).append("\"/>");
        svg.append("<text class=\"axis\" x=\"").append(left + plotWidth / 2).append("\" y=\"").append(height - 4)
                .append("\" text-anchor=\"middle\">总分（分）</text>");
        return svg.append("</svg>").toString();
    }

    /**
     * A bar chart of average scores as a share of each section's or item's maximum.
     */
    static String averages(List<Ranking.Average> averages, String caption) {
        int row = 22;
        int labelWidth = 150;
        int plotWidth = WIDTH - labelWidth - 90;
        int height = Math.max(1, averages.size()) * row + 10;
        StringBuilder svg = open(height, caption);
        for (int i = 0; i < averages.size(); i++) {
            Ranking.Average average = averages.get(i);
            int y = 5 + i * row;
            BigDecimal share = average.maxPoints().signum() == 0 ? BigDecimal.ZERO
                    : average.average().divide(average.maxPoints(), 6, RoundingMode.HALF_UP).min(BigDecimal.ONE);
            BigDecimal length = share.multiply(BigDecimal.valueOf(plotWidth));
            String label = average.id().equals(average.title()) ? average.title() : average.id() + " " + average.title();
            svg.append("<text class=\"axis\" x=\"").append(labelWidth - 6).append("\" y=\"").append(y + row / 2 - 1)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(Html.escape(label)).append("</text>");
            svg.append("<rect class=\"track\" x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(plotWidth).append("\" height=\"").append(row - 8).append("\"/>");
            svg.append("<rect class=\"bar\" x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(num(length)).append("\" height=\"").append(row - 8).append("\"><title>")
                    .append(Html.escape(label)).append("：平均 ").append(Points.format(average.average())).append(" / ")
                    .append(Points.format(average.maxPoints())).append("</title></rect>");
            svg.append("<text class=\"value\" x=\"").append(labelWidth + plotWidth + 6).append("\" y=\"").append(y + row / 2 - 1)
                    .append("\" dominant-baseline=\"middle\">").append(Points.format(average.average())).append(" / ")
                    .append(Points.format(average.maxPoints())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int height, String label) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" aria-label=\"").append(Html.escape(label)).append("\">");
    }

    /** @return {@code origin + span * value / max} */
    private static BigDecimal scale(int origin, int span, int value, int max) {
        return BigDecimal.valueOf(origin).add(BigDecimal.valueOf((long) span * value)
                .divide(BigDecimal.valueOf(max), 4, RoundingMode.HALF_UP));
    }

    private static String num(BigDecimal value) {
        return Points.format(value.setScale(1, RoundingMode.HALF_UP));
    }
}
