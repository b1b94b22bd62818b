package org.layerlab.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.files.MetricsFile;

/**
 * The training report: {@code NAME.html}, one self-contained page (the curves are embedded as a PNG, the
 * styles inline, no script), and beside it {@code NAME-curves.png} and {@code NAME-metrics.csv}, the
 * same curves and each epoch's figures for slides and spreadsheets. A run with no recorded epochs gets
 * the page alone.
 */
final class ReportExporter implements Exporter {

    static String curvesName(String baseName) {
        return baseName + "-curves.png";
    }

    static String metricsName(String baseName) {
        return baseName + "-metrics.csv";
    }

    @Override
    public void write(ExportSource source, Path folder, String baseName) throws IOException, ExportException {
        List<TrainingEvent.EpochEnded> epochs = source.epochs();
        byte[] curves = null;
        if (!epochs.isEmpty()) {
            curves = ReportCurves.png(epochs, ReportHtml.bestEpoch(epochs));
            Files.write(folder.resolve(curvesName(baseName)), curves);
            MetricsFile.write(folder.resolve(metricsName(baseName)), epochs);
        }
        String html = new ReportHtml(source, baseName, curves).render();
        Files.writeString(folder.resolve(baseName + ".html"), html, StandardCharsets.UTF_8);
    }
}
