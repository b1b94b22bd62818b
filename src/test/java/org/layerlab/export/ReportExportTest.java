package org.layerlab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Dropout;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.MetricsFile;
import org.layerlab.testing.TinyData;

class ReportExportTest {
    private static final String RUN = "Run 2 <script>alert('x')</script> & co";
    private static final TrainingConfig CONFIG =
            TrainingConfig.DEFAULT.withEpochs(6).withBatchSize(8).withEarlyStopping(new EarlyStopping(3, true));

    private static TrainingResult trained;
    private static Evaluation test;

    @TempDir
    Path folder;

    @BeforeAll
    static void train() {
        Dataset data = TinyData.blobs(40, 3, 1f);
        LayerStack stack =
                LayerStack.of(TensorShape.of(2), new Dense(8), Activation.RELU, new Dropout(0.1), new Dense(2));
        trained = new DjlTrainingEngine().train(data, stack, CONFIG, TrainingObserver.NONE, new TrainingControl());
        assertNotNull(trained.model(), trained.message());
        test = trained.model().evaluate(data.test());
    }

    @AfterAll
    static void close() {
        if (trained != null && trained.model() != null) {
            trained.model().close();
        }
    }

    private static ExportSource source(String runName) {
        return new ExportSource(trained.model(), runName, CONFIG, trained.epochs(), test);
    }

    @Test
    void theReportHoldsEverythingInOneSafePageWithCurvesAndMetricsBesideIt() throws Exception {
        Path target = folder.resolve("report.html");
        List<Path> made = Exports.write(ExportFormat.REPORT, source(RUN), target, false);

        Path png = folder.resolve("report-curves.png");
        Path csv = folder.resolve("report-metrics.csv");
        assertEquals(
                List.of(csv, png, target).stream().sorted().toList(),
                made.stream().sorted().toList());
        try (var left = Files.list(folder)) {
            assertEquals(3, left.count(), "no temporary files are left behind");
        }

        String html = Files.readString(target);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        for (String name : List.of("left", "right")) {
            assertTrue(html.contains("<th scope=\"col\">" + name + "</th>"), "class in the matrix: " + name);
            assertTrue(html.contains("<tr><td>" + name + "</td>"), "class in the per-class table: " + name);
        }
        for (Layer layer : trained.model().stack().layers()) {
            assertTrue(html.contains(ReportHtml.escape(LayerLabel.of(layer))), "layer " + LayerLabel.of(layer));
        }
        assertTrue(html.contains("Total parameters"), html);
        assertTrue(html.contains(">42<"), "8·2+8 + 8·2+2 = 42 parameters");
        String accuracy = String.format(Locale.ROOT, "%.1f %%", 100 * test.accuracy());
        assertTrue(html.contains("Test accuracy") && html.contains(accuracy), "test accuracy " + accuracy);
        assertTrue(html.contains("Adam"), "settings: the optimizer");
        assertTrue(html.contains(ReportHtml.escape("keep the best epoch's weights")), "settings: early stopping");
        assertTrue(html.contains("blobs"), "the data's name");

        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script, and user text is escaped");
        assertTrue(html.contains("Run 2 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), html);
        assertFalse(
                Pattern.compile("(?i)(src|href)=\"(https?:)?//").matcher(html).find(), "loads nothing");

        Matcher embedded = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")
                .matcher(html);
        assertTrue(embedded.find(), "the curves are embedded");
        byte[] pngBytes = Files.readAllBytes(png);
        assertArrayEquals(pngBytes, Base64.getDecoder().decode(embedded.group(1)), "the same PNG as beside it");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(pngBytes));
        assertNotNull(image, "a real PNG");
        assertEquals(ReportCurves.WIDTH, image.getWidth());
        assertEquals(ReportCurves.HEIGHT, image.getHeight());
        assertTrue(hasColour(image, 0x0072B2) && hasColour(image, 0xD55E00), "both curves are drawn");

        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("epoch,train_loss,train_accuracy,validation_loss"), lines.get(0));
        assertEquals(trained.epochs().size() + 1, lines.size(), "a header and one row per epoch");
        assertEquals(trained.epochs().size(), MetricsFile.read(csv).size());
    }

    @Test
    void anExistingReportIsRefusedUnlessOverwriting() throws Exception {
        Path target = folder.resolve("report.html");
        Exports.write(ExportFormat.REPORT, source("First run"), target, false);
        byte[] first = Files.readAllBytes(target);

        ExportException refused = assertThrows(
                ExportException.class, () -> Exports.write(ExportFormat.REPORT, source("Second run"), target, false));
        assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
        assertArrayEquals(first, Files.readAllBytes(target), "left as it was");

        Exports.write(ExportFormat.REPORT, source("Second run"), target, true);
        String html = Files.readString(target);
        assertTrue(html.contains("Second run") && !html.contains("First run"), "replaced");
        try (var left = Files.list(folder)) {
            assertEquals(3, left.count(), "the same three files, no temporary ones");
        }
    }

    @Test
    void aModelWithNoHistoryGetsThePageAlone() throws Exception {
        Path target = folder.resolve("bare.html");
        List<Path> made = Exports.write(ExportFormat.REPORT, ExportSource.of(trained.model()), target, false);
        assertEquals(List.of(target), made);
        String html = Files.readString(target);
        assertTrue(html.contains("were not recorded"), "settings unknown");
        assertTrue(html.contains("No epochs were recorded"), html);
        assertTrue(html.contains("not evaluated on test data"), html);
        for (Layer layer : trained.model().stack().layers()) {
            assertTrue(html.contains(ReportHtml.escape(LayerLabel.of(layer))), "the stack is still shown");
        }
    }

    @Test
    void mistakesAreColouredOnASquareRootScaleThatSaturatesAtAQuarter() {
        assertEquals(0, ReportHtml.mistakeStrength(0));
        assertEquals(1, ReportHtml.mistakeStrength(0.25));
        assertEquals(1, ReportHtml.mistakeStrength(0.6));
        assertEquals(Math.sqrt(0.02 / 0.25), ReportHtml.mistakeStrength(0.02), 1e-12);
        assertEquals("#ffffff", ReportHtml.mix("#0072B2", 0));
        assertEquals("#0072b2", ReportHtml.mix("#0072B2", 1));
        assertEquals("#eaaf80", ReportHtml.mix("#D55E00", 0.5));
        assertEquals("#ffffff", ReportHtml.textOn("#0072b2"), "white on strong blue");
        assertEquals("#24292f", ReportHtml.textOn("#eaaf80"), "dark on light orange");
    }

    private static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
