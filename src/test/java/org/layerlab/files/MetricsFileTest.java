package org.layerlab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.training.TrainingEvent;

class MetricsFileTest {
    @TempDir
    Path folder;

    private static TrainingEvent.EpochEnded epoch(int n, double validationLoss, double validationAccuracy) {
        return new TrainingEvent.EpochEnded(
                n, 3, 1.0 / n, 0.5 + n / 10.0, validationLoss, validationAccuracy, Duration.ofMillis(1234L * n), 850.5);
    }

    @Test
    void epochsSurviveARoundTripWithEmptyValidationAsNaN() throws Exception {
        List<TrainingEvent.EpochEnded> written =
                List.of(epoch(1, 0.9, 0.6), epoch(2, Double.NaN, Double.NaN), epoch(3, 0.123456, 0.875));
        Path file = folder.resolve("metrics.csv");
        MetricsFile.write(file, written);

        List<TrainingEvent.EpochEnded> read = MetricsFile.read(file);
        assertEquals(written.size(), read.size());
        for (int i = 0; i < written.size(); i++) {
            TrainingEvent.EpochEnded w = written.get(i);
            TrainingEvent.EpochEnded r = read.get(i);
            assertEquals(w.epoch(), r.epoch());
            assertEquals(3, r.epochs(), "the last epoch in the file");
            assertEquals(w.trainLoss(), r.trainLoss(), 1e-6);
            assertEquals(w.trainAccuracy(), r.trainAccuracy(), 1e-6);
            assertEquals(w.validationLoss(), r.validationLoss(), 1e-6);
            assertEquals(w.validationAccuracy(), r.validationAccuracy(), 1e-6);
            assertEquals(w.elapsed(), r.elapsed());
            assertEquals(w.samplesPerSecond(), r.samplesPerSecond(), 1e-9);
        }
        assertTrue(Double.isNaN(read.get(1).validationLoss()), "an empty cell is no validation");
    }

    @Test
    void aFileWithOnlyTheHeaderHasNoEpochs() throws Exception {
        Path file = folder.resolve("metrics.csv");
        MetricsFile.write(file, List.of());
        assertEquals(List.of(), MetricsFile.read(file));
    }

    @Test
    void aDamagedLineIsNamedWithWhatIsWrong() throws Exception {
        Path file = folder.resolve("metrics.csv");
        MetricsFile.write(file, List.of(epoch(1, 0.9, 0.6), epoch(2, 0.8, 0.7)));
        List<String> lines = Files.readAllLines(file);

        Files.writeString(file, lines.get(0) + "\n" + lines.get(1) + "\n2,abc,0.7,0.8,0.7,2.468,850.5\n");
        FileFormatException notANumber = assertThrows(FileFormatException.class, () -> MetricsFile.read(file));
        assertTrue(notANumber.getMessage().startsWith(file + ", line 3: "), notANumber.getMessage());
        assertTrue(
                notANumber.getMessage().contains("\"abc\" in column train_loss is not a number"),
                notANumber.getMessage());

        Files.writeString(file, lines.get(0) + "\n" + lines.get(1) + "\n2,0.5,0.7\n");
        FileFormatException cut = assertThrows(FileFormatException.class, () -> MetricsFile.read(file));
        assertTrue(cut.getMessage().contains("line 3: has 3 values but 7 are expected"), cut.getMessage());

        Files.writeString(file, lines.get(0) + "\n" + lines.get(2) + "\n" + lines.get(1) + "\n");
        FileFormatException order = assertThrows(FileFormatException.class, () -> MetricsFile.read(file));
        assertTrue(
                order.getMessage().contains("line 3: epoch \"1\" should be a whole number above 2"),
                order.getMessage());

        Files.writeString(file, "name,accuracy\nfoo,0.5\n");
        FileFormatException header = assertThrows(FileFormatException.class, () -> MetricsFile.read(file));
        assertTrue(header.getMessage().contains("line 1: is not a LayerLab metrics file"), header.getMessage());

        FileFormatException missing =
                assertThrows(FileFormatException.class, () -> MetricsFile.read(folder.resolve("none.csv")));
        assertTrue(missing.getMessage().contains("cannot be read"), missing.getMessage());
    }

    @Test
    void aSpreadsheetsCarriageReturnsAreRead() throws Exception {
        Path file = folder.resolve("metrics.csv");
        MetricsFile.write(file, List.of(epoch(1, 0.9, 0.6)));
        Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));
        assertEquals(1, MetricsFile.read(file).size());
    }
}
