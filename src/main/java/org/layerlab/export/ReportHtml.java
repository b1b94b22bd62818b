package org.layerlab.export;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Split;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerSummary;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.ClassFigures;
import org.layerlab.core.training.ConfusionMatrix;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingEvent;

/**
 * The report page: a summary of the run's figures, then its data, network, training settings, curves and
 * test results. Every string from the user (run, data, class and column names) is escaped; the page has
 * no script and loads nothing, so it reads the same offline, with JavaScript off and on paper.
 */
final class ReportHtml {
    private static final String RIGHT = "#0072B2";
    private static final String WRONG = "#D55E00";

    private final ExportSource source;
    private final String baseName;
    private final byte[] curves;
    private final ModelInfo info;
    private final List<TrainingEvent.EpochEnded> epochs;
    private final int bestEpoch;
    private final StringBuilder html = new StringBuilder();

    ReportHtml(ExportSource source, String baseName, byte[] curves) {
        this.source = source;
        this.baseName = baseName;
        this.curves = curves == null ? null : curves.clone();
        this.info = source.model().info();
        this.epochs = source.epochs();
        this.bestEpoch = bestEpoch(epochs);
    }

    /** The epoch with the lowest validation loss (the first, on a tie), as early stopping picks it; 0 if none. */
    static int bestEpoch(List<TrainingEvent.EpochEnded> epochs) {
        int best = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (TrainingEvent.EpochEnded e : epochs) {
            if (Double.isFinite(e.validationLoss()) && e.validationLoss() < lowest) {
                lowest = e.validationLoss();
                best = e.epoch();
            }
        }
        return best;
    }

    String render() {
        String title = "Training report: " + source.runName();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"LayerLab\">\n")
                .append("<title>")
                .append(escape(title))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header();
        glance();
        data();
        network();
        settings();
        curves();
        results();
        footer();
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private void header() {
        html.append("<header>\n<p class=\"kicker\">LayerLab training report</p>\n<h1>")
                .append(escape(source.runName()))
                .append("</h1>\n<p class=\"muted\">");
        List<String> parts = new ArrayList<>();
        parts.add(info.dataName().isEmpty() ? "data not recorded" : "trained on " + info.dataName());
        parts.add(info.classNames().size() + " classes");
        parts.add(count(ShapeInference.summarize(source.model().stack()).totalParameters()) + " parameters");
        parts.add("exported " + LocalDate.now(ZoneId.systemDefault()));
        html.append(escape(String.join(" · ", parts))).append("</p>\n</header>\n");
    }

    /** The figures a student looks for first, as cards. */
    private void glance() {
        html.append("<section class=\"cards\" aria-label=\"Summary\">\n");
        Evaluation test = source.test();
        if (test != null) {
            card(
                    "Test accuracy",
                    percent(test.accuracy()),
                    count(test.confusion().total()) + " test samples");
        }
        TrainingEvent.EpochEnded kept = keptEpoch();
        if (kept != null) {
            if (Double.isFinite(kept.validationAccuracy())) {
                card("Validation accuracy", percent(kept.validationAccuracy()), "epoch " + kept.epoch());
            }
            card("Training accuracy", percent(kept.trainAccuracy()), "epoch " + kept.epoch());
            TrainingEvent.EpochEnded lastEpoch = last();
            card("Epochs trained", Integer.toString(lastEpoch.epoch()), "in " + duration(lastEpoch));
        }
        if (bestEpoch > 0) {
            card("Best epoch", Integer.toString(bestEpoch), "lowest validation loss, " + fixed(bestLoss(), 4));
        }
        if (test == null && kept == null) {
            html.append(
                    "<p class=\"muted\">No training figures and no test results were recorded for this model.</p>\n");
        }
        html.append("</section>\n");
    }

    private void card(String label, String value, String note) {
        html.append("<div class=\"card\"><div class=\"card-label\">")
                .append(escape(label))
                .append("</div><div class=\"card-value\">")
                .append(escape(value))
                .append("</div><div class=\"card-note\">")
                .append(escape(note))
                .append("</div></div>\n");
    }

    private void data() {
        html.append("<section id=\"data\">\n<h2>Data</h2>\n<table class=\"facts\">\n");
        fact("Data", info.dataName().isEmpty() ? "not recorded" : info.dataName());
        fact("Samples", info.dataSamples() > 0 ? count(info.dataSamples()) : "not recorded");
        fact(
                "Kind",
                switch (info.dataKind()) {
                    case TABULAR -> "table";
                    case IMAGE -> "images";
                    case TEXT -> "text";
                });
        fact("Input per sample", inputDescription());
        fact("Classes (" + info.classNames().size() + ")", String.join(", ", info.classNames()));
        Split split = info.split();
        fact(
                "Split",
                String.format(
                        Locale.ROOT,
                        "%s validation, %s test (unless the data brings its own test set), the rest training; seed %d",
                        share(split.validationFraction()),
                        share(split.testFraction()),
                        split.seed()));
        html.append("</table>\n");
        if (info.preprocessing() instanceof Preprocessing.Tabular table) {
            columns(table);
        }
        html.append("</section>\n");
    }

    /** The table's columns: numbers with the statistics they are standardised by, categories with levels. */
    private void columns(Preprocessing.Tabular table) {
        boolean numbers = table.columns().stream().anyMatch(c -> !c.categorical());
        boolean categories = table.columns().stream().anyMatch(Preprocessing.Column::categorical);
        boolean many = table.columns().size() > 12;
        html.append(
                        many
                                ? "<details>\n<summary>The " + table.columns().size() + " columns</summary>\n"
                                : "<h3>Columns</h3>\n")
                .append("<p class=\"muted\">The model reads these columns to predict <b>")
                .append(escape(table.labelColumn()))
                .append("</b>.")
                .append(
                        numbers
                                ? " Numbers are standardised with the training data's mean and standard deviation."
                                : "")
                .append(categories ? " A category becomes one input per level." : "")
                .append("</p>\n<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th>Column</th><th>Type</th>")
                .append(numbers ? "<th class=\"num\">Mean</th><th class=\"num\">Std</th>" : "")
                .append(categories ? "<th>Levels</th>" : "")
                .append("</tr></thead>\n<tbody>\n");
        for (Preprocessing.Column column : table.columns()) {
            html.append("<tr><td>")
                    .append(escape(column.name()))
                    .append("</td><td>")
                    .append(column.categorical() ? "category" : "number")
                    .append("</td>");
            if (numbers) {
                html.append("<td class=\"num\">")
                        .append(column.categorical() ? "" : fixed(column.mean(), 3))
                        .append("</td><td class=\"num\">")
                        .append(column.categorical() ? "" : fixed(column.std(), 3))
                        .append("</td>");
            }
            if (categories) {
                html.append("<td>")
                        .append(escape(String.join(", ", column.levels())))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n").append(many ? "</details>\n" : "");
    }

    private String inputDescription() {
        String shape = TensorShape.of(info.inputShape()).toString();
        Preprocessing prep = info.preprocessing();
        if (prep instanceof Preprocessing.Image image) {
            return String.format(
                    Locale.ROOT,
                    "%s (channels, height, width): a %s image of %d × %d pixels",
                    shape,
                    image.channels() == 1 ? "grey" : "colour",
                    image.height(),
                    image.width());
        }
        if (prep instanceof Preprocessing.Text text) {
            return String.format(
                    Locale.ROOT,
                    "%s: the first %d words as ids from a vocabulary of %s words",
                    shape,
                    text.sequenceLength(),
                    count(text.vocabulary().size()));
        }
        if (prep instanceof Preprocessing.Tabular table) {
            return shape + ": " + table.featureCount() + " numbers from "
                    + table.columns().size() + " columns";
        }
        return shape;
    }

    private void network() {
        StackSummary summary = ShapeInference.summarize(source.model().stack());
        html.append("<section id=\"network\">\n<h2>Network</h2>\n<div class=\"scroll\"><table class=\"grid\">\n")
                .append("<thead><tr><th class=\"num\">#</th><th>Layer</th><th>Output shape</th>")
                .append("<th class=\"num\">Parameters</th></tr></thead>\n<tbody>\n")
                .append("<tr class=\"input\"><td></td><td>Input</td><td>")
                .append(
                        summary.input() == null
                                ? "(from data)"
                                : escape(summary.input().toString()))
                .append("</td><td></td></tr>\n");
        for (LayerSummary layer : summary.layers()) {
            html.append("<tr><td class=\"num\">")
                    .append(layer.number())
                    .append("</td><td>")
                    .append(escape(LayerLabel.of(layer.layer())))
                    .append("</td><td>")
                    .append(layer.output() == null ? "?" : escape(layer.output().toString()))
                    .append("</td><td class=\"num\">")
                    .append(layer.output() == null ? "" : count(layer.parameters()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n<tfoot><tr><td></td><td colspan=\"2\">Total parameters</td><td class=\"num\">")
                .append(count(summary.totalParameters()))
                .append("</td></tr></tfoot>\n</table></div>\n</section>\n");
    }

    private void settings() {
        html.append("<section id=\"settings\">\n<h2>Training settings</h2>\n");
        TrainingConfig config = source.config();
        if (config == null) {
            html.append("<p class=\"muted\">The settings of this run were not recorded (a model trained before ")
                    .append("LayerLab saved them beside it).</p>\n</section>\n");
            return;
        }
        OptimizerSettings o = config.optimizer();
        html.append("<table class=\"facts\">\n");
        fact("Optimizer", optimizer(o));
        fact("Learning rate", plain(o.learningRate()));
        fact("Loss", config.loss().displayName());
        String trained = epochs.isEmpty()
                ? Integer.toString(config.epochs())
                : last().epoch() < config.epochs()
                        ? config.epochs() + " planned, " + last().epoch() + " trained (stopped before the planned end)"
                        : Integer.toString(config.epochs());
        fact("Epochs", trained);
        fact("Batch size", Integer.toString(config.batchSize()));
        fact("Validation share", share(config.validationFraction()) + " of the training data");
        fact("Seed", Long.toString(config.seed()));
        fact("Early stopping", earlyStopping(config.earlyStopping()));
        html.append("</table>\n</section>\n");
    }

    private static String optimizer(OptimizerSettings o) {
        String name = o.kind().displayName();
        return switch (o.kind()) {
            case SGD -> name;
            case MOMENTUM -> name + " (momentum " + plain(o.momentum()) + ")";
            case ADAGRAD -> name + " (epsilon " + plain(o.epsilon()) + ")";
            case RMSPROP -> name + " (rho " + plain(o.rho()) + ", epsilon " + plain(o.epsilon()) + ")";
            case ADAM ->
                name + " (beta1 " + plain(o.beta1()) + ", beta2 " + plain(o.beta2()) + ", epsilon " + plain(o.epsilon())
                        + ")";
        };
    }

    private static String earlyStopping(EarlyStopping rule) {
        if (!rule.enabled()) {
            return "off";
        }
        return "stop after " + rule.patience() + (rule.patience() == 1 ? " epoch" : " epochs")
                + " without a lower validation loss; "
                + (rule.keepBestWeights() ? "keep the best epoch's weights" : "keep the last epoch's weights");
    }

    private void curves() {
        html.append("<section id=\"curves\">\n<h2>Loss and accuracy</h2>\n");
        if (epochs.isEmpty()) {
            html.append("<p class=\"muted\">No epochs were recorded for this model.</p>\n</section>\n");
            return;
        }
        html.append("<p class=\"muted\">Training figures (solid) are averaged over each epoch's batches; ")
                .append("validation figures (dashed) are measured on data the model does not learn from, after ")
                .append(
                        "each epoch. Validation that gets worse while training improves is a sign of overfitting.</p>\n")
                .append("<figure><img class=\"curves\" width=\"")
                .append(ReportCurves.LAYOUT_WIDTH)
                .append("\" height=\"")
                .append(ReportCurves.LAYOUT_HEIGHT)
                .append("\" alt=\"Loss and accuracy per epoch, training and validation\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(curves))
                .append("\"></figure>\n");
        if (bestEpoch > 0) {
            TrainingConfig config = source.config();
            boolean kept = config != null
                    && config.earlyStopping().enabled()
                    && config.earlyStopping().keepBestWeights();
            html.append("<p>The validation loss was lowest at <b>epoch ")
                    .append(bestEpoch)
                    .append("</b> (")
                    .append(fixed(bestLoss(), 4))
                    .append(", ringed). ")
                    .append(
                            kept
                                    ? "Early stopping kept that epoch's weights: they are the model's."
                                    : config == null
                                            ? ""
                                            : "The model holds the weights of the last epoch, " + last().epoch() + ".")
                    .append("</p>\n");
        }
        html.append("<details>\n<summary>Figures per epoch</summary>\n<div class=\"scroll\"><table class=\"grid\">\n")
                .append("<thead><tr><th class=\"num\">Epoch</th><th class=\"num\">Training loss</th>")
                .append("<th class=\"num\">Training accuracy</th><th class=\"num\">Validation loss</th>")
                .append(
                        "<th class=\"num\">Validation accuracy</th><th class=\"num\">Elapsed</th></tr></thead>\n<tbody>\n");
        for (TrainingEvent.EpochEnded e : epochs) {
            html.append(e.epoch() == bestEpoch ? "<tr class=\"best\">" : "<tr>")
                    .append("<td class=\"num\">")
                    .append(e.epoch())
                    .append("</td><td class=\"num\">")
                    .append(fixed(e.trainLoss(), 4))
                    .append("</td><td class=\"num\">")
                    .append(percent(e.trainAccuracy()))
                    .append("</td><td class=\"num\">")
                    .append(fixed(e.validationLoss(), 4))
                    .append("</td><td class=\"num\">")
                    .append(percent(e.validationAccuracy()))
                    .append("</td><td class=\"num\">")
                    .append(escape(duration(e)))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n</details>\n</section>\n");
    }

    private void results() {
        html.append("<section id=\"results\">\n<h2>Test results</h2>\n");
        Evaluation test = source.test();
        if (test == null) {
            html.append("<p class=\"muted\">This model was not evaluated on test data.</p>\n</section>\n");
            return;
        }
        ConfusionMatrix matrix = test.confusion();
        List<String> classes = classNames(matrix.classes());
        html.append("<p>On ")
                .append(count(matrix.total()))
                .append(" test samples the model never saw while training: accuracy <b>")
                .append(percent(test.accuracy()))
                .append("</b>, loss ")
                .append(fixed(test.loss(), 4))
                .append(".</p>\n<h3>Confusion matrix</h3>\n")
                .append("<p class=\"muted\">Each row is a true class, each column the class the model answered. ")
                .append("Colour shows the share of the row: <span class=\"swatch\" style=\"background:")
                .append(RIGHT)
                .append("\"></span> right answers, <span class=\"swatch\" style=\"background:")
                .append(WRONG)
                .append("\"></span> mistakes, which are already strong at a quarter of the row ")
                .append("so that a few are visible.</p>\n")
                .append("<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr>")
                .append("<th class=\"corner\">true ↓ &nbsp; predicted →</th>");
        for (String name : classes) {
            html.append("<th scope=\"col\">").append(escape(name)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int a = 0; a < classes.size(); a++) {
            html.append("<tr><th scope=\"row\">").append(escape(classes.get(a))).append("</th>");
            for (int p = 0; p < classes.size(); p++) {
                html.append(cell(matrix, classes, a, p));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n<h3>Per class</h3>\n")
                .append("<p class=\"muted\">Precision: of the samples the model called this class, the share that ")
                .append("were. Recall: of this class's samples, the share the model found. F1 combines the two; ")
                .append("support is the number of test samples of the class.</p>\n")
                .append("<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th>Class</th>")
                .append("<th class=\"num\">Precision</th><th class=\"num\">Recall</th><th class=\"num\">F1</th>")
                .append("<th class=\"num\">Support</th></tr></thead>\n<tbody>\n");
        for (ClassFigures row : ClassFigures.of(matrix, classes)) {
            html.append("<tr><td>")
                    .append(escape(row.className()))
                    .append("</td><td class=\"num\">")
                    .append(fixed(row.precision(), 3))
                    .append("</td><td class=\"num\">")
                    .append(fixed(row.recall(), 3))
                    .append("</td><td class=\"num\">")
                    .append(fixed(row.f1(), 3))
                    .append("</td><td class=\"num\">")
                    .append(count(row.support()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n</section>\n");
    }

    /** The class names, or "class N" where the model's list does not cover the matrix. */
    private List<String> classNames(int count) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            names.add(c < info.classNames().size() ? info.classNames().get(c) : "class " + c);
        }
        return names;
    }

    /** A cell: the count, and under it the share of the row, on the row share's colour; a 0 is grey on white. */
    private static String cell(ConfusionMatrix matrix, List<String> classes, int actual, int predicted) {
        int count = matrix.count(actual, predicted);
        double share = matrix.rowShare(actual, predicted);
        String tip = String.format(
                Locale.ROOT,
                "%d of %d %s samples (%.1f %%) predicted as %s",
                count,
                matrix.support(actual),
                classes.get(actual),
                100 * share,
                classes.get(predicted));
        if (count == 0) {
            return "<td class=\"zero\" title=\"" + escape(tip) + "\">0</td>";
        }
        boolean right = actual == predicted;
        String fill = mix(right ? RIGHT : WRONG, right ? share : mistakeStrength(share));
        return "<td style=\"background:" + fill + ";color:" + textOn(fill) + "\" title=\"" + escape(tip) + "\">" + count
                + "<span class=\"share\">" + String.format(Locale.ROOT, "%.0f %%", 100 * share) + "</span></td>";
    }

    /** White or dark text, whichever contrasts more with {@code fill} ("#rrggbb"). */
    static String textOn(String fill) {
        double background = luminance(Integer.parseInt(fill.substring(1), 16));
        double white = 1.05 / (background + 0.05);
        double dark = (background + 0.05) / (luminance(0x24292f) + 0.05);
        return white > dark ? "#ffffff" : "#24292f";
    }

    /** Relative luminance as WCAG defines it. */
    private static double luminance(int rgb) {
        double[] channels = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double c = channels[i] / 255;
            sum += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    /**
     * Mistakes are a few per cent of a row at most in a good model: on a linear scale they would all look
     * white. A square-root scale that saturates at a quarter of the row makes 2 % visible and 25 % loud (as
     * the workbench's Results tab colours them).
     */
    static double mistakeStrength(double share) {
        return share <= 0 ? 0 : Math.min(1, Math.sqrt(share / 0.25));
    }

    /** White mixed with {@code colour} ("#rrggbb") by {@code strength} from 0 (white) to 1 (the colour). */
    static String mix(String colour, double strength) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        double t = Math.max(0, Math.min(1, strength));
        int r = (int) Math.round(255 + ((rgb >> 16 & 0xff) - 255) * t);
        int g = (int) Math.round(255 + ((rgb >> 8 & 0xff) - 255) * t);
        int b = (int) Math.round(255 + ((rgb & 0xff) - 255) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private void footer() {
        html.append("<footer>\n<p>");
        if (curves != null) {
            html.append("Beside this page: <a href=\"")
                    .append(escape(link(ReportExporter.curvesName(baseName))))
                    .append("\">")
                    .append(escape(ReportExporter.curvesName(baseName)))
                    .append("</a> (the curves, for slides) and <a href=\"")
                    .append(escape(link(ReportExporter.metricsName(baseName))))
                    .append("\">")
                    .append(escape(ReportExporter.metricsName(baseName)))
                    .append("</a> (each epoch's figures, for a spreadsheet). ");
        }
        html.append("Made with LayerLab.</p>\n</footer>\n");
    }

    private static String link(String fileName) {
        try {
            return "./" + new URI(null, null, fileName, null).getRawPath();
        } catch (URISyntaxException e) {
            return "./" + fileName;
        }
    }

    private void fact(String name, String value) {
        html.append("<tr><th scope=\"row\">")
                .append(escape(name))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n");
    }

    /** The epoch whose weights the model holds: the best one if early stopping kept it, else the last. */
    private TrainingEvent.EpochEnded keptEpoch() {
        if (epochs.isEmpty()) {
            return null;
        }
        TrainingConfig config = source.config();
        if (bestEpoch > 0
                && config != null
                && config.earlyStopping().enabled()
                && config.earlyStopping().keepBestWeights()) {
            for (TrainingEvent.EpochEnded e : epochs) {
                if (e.epoch() == bestEpoch) {
                    return e;
                }
            }
        }
        return last();
    }

    private TrainingEvent.EpochEnded last() {
        return epochs.get(epochs.size() - 1);
    }

    private double bestLoss() {
        return epochs.stream()
                .filter(e -> e.epoch() == bestEpoch)
                .mapToDouble(TrainingEvent.EpochEnded::validationLoss)
                .findFirst()
                .orElse(Double.NaN);
    }

    private static String duration(TrainingEvent.EpochEnded e) {
        long seconds = Math.round(e.elapsed().toMillis() / 1000.0);
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.1f s", e.elapsed().toMillis() / 1000.0);
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    static String percent(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f %%", 100 * value) : "–";
    }

    private static String share(double fraction) {
        return plain(100 * fraction) + " %";
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "–";
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** 0.001 as "0.001", 1e-8 as "1e-08", 90.00000000000001 as "90". */
    private static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value != 0 && Math.abs(value) < 1e-4) {
            return String.format(Locale.ROOT, "%.3g", value).replaceAll("\\.?0+e", "e");
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.10g", value))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Text safe inside an element or a quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f6f8fa; color: #24292f;
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
              -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            main { max-width: 1040px; margin: 0 auto; padding: 28px 40px 40px; background: #ffffff;
              min-height: 100vh; }
            header { border-bottom: 3px solid #0072B2; margin-bottom: 20px; padding-bottom: 10px; }
            .kicker { margin: 0; color: #0072B2; font-weight: 600; text-transform: uppercase;
              letter-spacing: .06em; font-size: 12px; }
            h1 { margin: 2px 0 4px; font-size: 28px; line-height: 1.2; overflow-wrap: anywhere; }
            h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d8dee4; }
            h3 { font-size: 16px; margin: 22px 0 6px; }
            p { margin: 6px 0 10px; }
            .muted { color: #57606a; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 4px; }
            .card { flex: 1 1 150px; border: 1px solid #d8dee4; border-radius: 8px; padding: 10px 14px;
              background: #f6f8fa; }
            .card-label { font-size: 12px; color: #57606a; text-transform: uppercase; letter-spacing: .04em; }
            .card-value { font-size: 26px; font-weight: 600; line-height: 1.25; font-variant-numeric: tabular-nums; }
            .card-note { font-size: 12px; color: #57606a; }
            table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
            .scroll { overflow-x: auto; }
            .facts th { text-align: left; font-weight: 600; padding: 4px 24px 4px 0; vertical-align: top;
              white-space: nowrap; width: 190px; }
            .facts td { padding: 4px 0; overflow-wrap: anywhere; }
            .grid { min-width: 50%; }
            .grid th, .grid td { padding: 5px 12px; border-bottom: 1px solid #d8dee4; text-align: left; }
            .grid thead th { border-bottom: 2px solid #8c959f; font-size: 13px; color: #57606a; }
            .grid tfoot td { font-weight: 600; border-bottom: none; border-top: 2px solid #8c959f; }
            .grid tr.input td { color: #57606a; }
            .grid tr.best td { background: #eaf3fa; font-weight: 600; }
            .grid .num, .grid th.num { text-align: right; }
            figure { margin: 8px 0; }
            img.curves { max-width: 100%; height: auto; border: 1px solid #d8dee4; border-radius: 6px; }
            details { margin: 8px 0; }
            summary { cursor: pointer; color: #0072B2; font-weight: 600; }
            .matrix { margin: 6px 0; }
            .matrix th, .matrix td { padding: 6px 10px; border: 2px solid #ffffff; }
            .matrix td { min-width: 58px; text-align: center; font-weight: 600; line-height: 1.2; }
            .matrix td.zero { color: #afb8c1; font-weight: 400; background: #f6f8fa; }
            .matrix .share { display: block; font-size: 11px; font-weight: 400; opacity: .85; }
            .matrix thead th { font-size: 13px; font-weight: 600; vertical-align: bottom; }
            .matrix tbody th { text-align: right; font-weight: 600; white-space: nowrap; }
            .matrix .corner { font-weight: 400; color: #57606a; text-align: left; white-space: nowrap; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px;
              vertical-align: -1px; }
            footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid #d8dee4; font-size: 13px;
              color: #57606a; }
            a { color: #0072B2; }
            @media print { body { background: #ffffff; } main { padding: 0; max-width: none; }
              details { display: none; } h2 { break-after: avoid; } section { break-inside: avoid-page; } }
            """;
}
