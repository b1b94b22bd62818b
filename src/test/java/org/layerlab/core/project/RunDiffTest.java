package org.layerlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;

class RunDiffTest {
    private static final LayerStack STACK = LayerStack.of(TensorShape.of(4), new Dense(3));
    private static final TrainingConfig MOMENTUM =
            TrainingConfig.DEFAULT.withOptimizer(OptimizerSettings.defaults(OptimizerKind.MOMENTUM));

    private static String after(TrainingConfig before, TrainingConfig now) {
        return RunDiff.describe(
                new RunDiff.Setup("iris.csv", STACK, before), new RunDiff.Setup("iris.csv", STACK, now));
    }

    @Test
    void theFirstRunAndAnIdenticalOneSaySo() {
        RunDiff.Setup setup = new RunDiff.Setup("iris.csv", STACK, TrainingConfig.DEFAULT);
        assertEquals("first run", RunDiff.describe(null, setup));
        assertEquals("same settings", RunDiff.describe(setup, setup));
    }

    @Test
    void otherDataIsNamed() {
        assertEquals(
                "data iris.csv → mnist",
                RunDiff.describe(
                        new RunDiff.Setup("iris.csv", STACK, TrainingConfig.DEFAULT),
                        new RunDiff.Setup("mnist", STACK, TrainingConfig.DEFAULT)));
    }

    @Test
    void everyOptimizerSettingIsNamed() {
        OptimizerSettings o = MOMENTUM.optimizer();
        assertEquals(
                "momentum 0.9 → 0.5",
                after(
                        MOMENTUM,
                        MOMENTUM.withOptimizer(new OptimizerSettings(
                                o.kind(), o.learningRate(), 0.5, o.rho(), o.beta1(), o.beta2(), o.epsilon()))));
        OptimizerSettings adam = TrainingConfig.DEFAULT.optimizer();
        assertEquals(
                "beta1 0.9 → 0.8, beta2 0.999 → 0.99",
                after(
                        TrainingConfig.DEFAULT,
                        TrainingConfig.DEFAULT.withOptimizer(new OptimizerSettings(
                                adam.kind(),
                                adam.learningRate(),
                                adam.momentum(),
                                adam.rho(),
                                0.8,
                                0.99,
                                adam.epsilon()))));
        assertEquals(
                "rho 0.9 → 0.95",
                after(
                        TrainingConfig.DEFAULT,
                        TrainingConfig.DEFAULT.withOptimizer(new OptimizerSettings(
                                adam.kind(),
                                adam.learningRate(),
                                adam.momentum(),
                                0.95,
                                adam.beta1(),
                                adam.beta2(),
                                adam.epsilon()))));
    }

    @Test
    void theSplitSeedAndEarlyStoppingAreNamed() {
        TrainingConfig c = TrainingConfig.DEFAULT;
        TrainingConfig validation = new TrainingConfig(
                c.optimizer(), c.loss(), c.epochs(), c.batchSize(), 0.3, c.seed(), c.earlyStopping());
        assertEquals("validation 0.1 → 0.3", after(c, validation));
        assertEquals("seed 42 → 7", after(c, c.withSeed(7)));
        assertEquals("patience 0 → 3, keeps best epoch", after(c, c.withEarlyStopping(new EarlyStopping(3, true))));
    }
}
