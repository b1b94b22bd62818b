package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.cli.CliTest.assertOneLineError;
import static org.layerlab.cli.CliTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `layerlab export` on a run that `train` wrote. */
class ExportCliTest {
    @TempDir
    Path folder;

    @Test
    void aTrainedRunIsExportedInEachFormatAndNothingIsOverwrittenBySurprise() throws Exception {
        Path out = folder.resolve("iris-run");
        CliTest.Run train = run(
                "train",
                "--data",
                "sample:iris",
                "--stack",
                "sample-data/stacks/iris-mlp.json",
                "--epochs",
                "3",
                "--out",
                out.toString());
        assertEquals(0, train.status(), train.err());
        assertTrue(Files.isRegularFile(out.resolve("training.json")));

        CliTest.Run onnx = run(
                "export",
                "--model",
                out.toString(),
                "--format",
                "onnx",
                "--out",
                folder.resolve("iris.onnx").toString());
        assertEquals(0, onnx.status(), onnx.err());
        assertTrue(onnx.out().contains("Wrote " + folder.resolve("iris.onnx")), onnx.out());
        assertTrue(Files.size(folder.resolve("iris.onnx")) > 1000);
        assertTrue(Files.readString(folder.resolve("iris.json")).contains("\"sepal_length\""));

        CliTest.Run report = run(
                "export",
                "--model",
                out.toString(),
                "--format",
                "report",
                "--data",
                "sample:iris",
                "--out",
                folder.resolve("iris.html").toString());
        assertEquals(0, report.status(), report.err());
        assertTrue(report.out().startsWith("Measured on the 30 test samples"), report.out());
        String html = Files.readString(folder.resolve("iris.html"));
        assertTrue(html.contains("virginica") && html.contains("Adam"), "classes and settings in the report");
        assertTrue(Files.isRegularFile(folder.resolve("iris-curves.png")));
        assertTrue(Files.isRegularFile(folder.resolve("iris-metrics.csv")));

        CliTest.Run pytorch = run(
                "export",
                "--model",
                out.resolve("model").toString(),
                "--format",
                "pytorch",
                "--out",
                folder.resolve("torch").toString());
        assertEquals(0, pytorch.status(), pytorch.err());
        assertTrue(Files.isRegularFile(folder.resolve("torch/model.py")));
        assertTrue(Files.isRegularFile(folder.resolve("torch/weights.npz")));

        assertOneLineError(
                run(
                        "export",
                        "--model",
                        out.toString(),
                        "--format",
                        "onnx",
                        "--out",
                        folder.resolve("iris.onnx").toString()),
                "already exists; choose another name or allow overwriting (--overwrite).");
        CliTest.Run again = run(
                "export",
                "--model",
                out.toString(),
                "--format",
                "onnx",
                "--out",
                folder.resolve("iris.onnx").toString(),
                "--overwrite");
        assertEquals(0, again.status(), again.err());
        assertOneLineError(
                run(
                        "export",
                        "--model",
                        out.toString(),
                        "--format",
                        "tflite",
                        "--out",
                        folder.resolve("x").toString()),
                "unknown export format 'tflite'; use onnx, pytorch, keras or report.");
        assertOneLineError(
                run(
                        "export",
                        "--model",
                        out.toString(),
                        "--format",
                        "onnx",
                        "--data",
                        "sample:iris",
                        "--out",
                        "x.onnx"),
                "--data is for --format report (its confusion matrix); leave it out for onnx.");
        Path blocked = folder.resolve("blocked");
        Files.writeString(blocked, "a file, not a folder");
        assertOneLineError(
                run(
                        "export",
                        "--model",
                        out.toString(),
                        "--format",
                        "keras",
                        "--out",
                        blocked.resolve("k").toString()),
                "cannot be created");
    }
}
