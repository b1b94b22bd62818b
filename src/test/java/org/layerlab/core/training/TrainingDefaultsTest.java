package org.layerlab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingDefaultsTest {

    @Test
    void irisGetsSmallBatchesAndEnoughEpochs() {
        TrainingDefaults iris = TrainingDefaults.forTrainingRows(105);
        assertEquals(8, iris.batchSize());
        assertEquals(108, iris.epochs());
        assertEquals(
                "Settings chosen for 105 training rows: batch 8, 108 epochs (14 batches an epoch, 1,512 steps).",
                iris.description());
    }

    @Test
    void everyTableOfOneHundredToAThousandRowsGetsTenBatchesAnEpochOrMoreAndSomeThousandSteps() {
        for (int rows = 70; rows <= 700; rows++) {
            TrainingDefaults chosen = TrainingDefaults.forTrainingRows(rows);
            assertTrue(chosen.batchesPerEpoch() >= TrainingDefaults.FEW_BATCHES, rows + " rows: " + chosen);
            long steps = (long) chosen.batchesPerEpoch() * chosen.epochs();
            assertTrue(steps >= 700 && steps <= 2_100, rows + " rows: " + chosen);
            assertTrue(
                    TrainingDefaults.fewBatchesWarning(rows, chosen.batchSize()).isEmpty());
        }
    }

    @Test
    void mnistKeepsTheFastPath() {
        TrainingDefaults mnist = TrainingDefaults.forTrainingRows(54_000);
        assertEquals(128, mnist.batchSize());
        assertEquals(5, mnist.epochs());
    }

    @Test
    void largerSetsSeeAtMostAboutFiftyThousandSamples() {
        TrainingDefaults photos = TrainingDefaults.forTrainingRows(4_500);
        assertEquals(128, photos.batchSize());
        assertEquals(12, photos.epochs());
    }

    @Test
    void aChosenBatchSizeGetsTheEpochsThatSuitIt() {
        assertEquals(60, TrainingDefaults.forTrainingRows(400, 16).epochs());
        assertEquals(150, TrainingDefaults.forTrainingRows(30, 128).epochs());
    }

    @Test
    void warnsWhenAnEpochIsAFewBatches() {
        assertEquals(
                "An epoch is only 1 batch of 128 (124 training rows), so the network takes few steps: "
                        + "a smaller batch size or more epochs lets it learn more.",
                TrainingDefaults.fewBatchesWarning(124, 128).orElseThrow());
        assertTrue(TrainingDefaults.fewBatchesWarning(124, 12).isEmpty());
        assertTrue(TrainingDefaults.fewBatchesWarning(0, 128).isEmpty());
    }

    @Test
    void appliesOnlyTheBatchSizeAndEpochs() {
        TrainingConfig config = TrainingDefaults.forTrainingRows(105).appliedTo(TrainingConfig.DEFAULT);
        assertEquals(TrainingConfig.DEFAULT.withBatchSize(8).withEpochs(108), config);
    }
}
