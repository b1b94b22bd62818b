package org.layerlab.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;

class ExplanationsTest {

    /** Every layer kind, activation, loss and optimizer: so that nothing a student can pick ships without help. */
    static List<Explanation> everyChoice() {
        List<Explanation> all = new ArrayList<>();
        for (LayerKind kind : LayerKind.values()) {
            all.add(Explanations.of(kind));
        }
        for (ActivationFunction function : ActivationFunction.values()) {
            all.add(Explanations.of(function));
        }
        for (LossKind loss : LossKind.values()) {
            all.add(Explanations.of(loss));
        }
        for (OptimizerKind optimizer : OptimizerKind.values()) {
            all.add(Explanations.of(optimizer));
        }
        return all;
    }

    @Test
    void everyChoiceHasTextAFormulaAndATypicalValue() {
        for (Explanation e : everyChoice()) {
            assertFalse(e.title().isBlank(), e.toString());
            assertFalse(e.formula().isBlank(), e.title() + " has a formula");
            assertFalse(e.typical().isBlank(), e.title() + " has a typical value");
            long sentences = e.summary().split("[.!?](\\s|$)").length;
            assertTrue(sentences >= 2 && sentences <= 4, e.title() + " has two to four sentences: " + e.summary());
        }
    }

    @Test
    void everyTrainingSettingIsExplained() {
        for (TrainingTopic topic : TrainingTopic.values()) {
            Explanation e = Explanations.of(topic);
            assertFalse(e.title().isBlank(), topic.name());
            assertFalse(e.summary().isBlank(), topic.name());
            assertFalse(e.typical().isBlank(), topic.name());
        }
    }

    /** A setting added to a layer kind must be explained too, under the name the property sheet shows. */
    @Test
    void everyLayerSettingIsExplainedUnderItsOwnName() {
        for (LayerKind kind : LayerKind.values()) {
            List<String> explained = Explanations.of(kind).settings().stream()
                    .map(Explanation.Setting::name)
                    .toList();
            assertEquals(kind.spec().settingNames(), explained, kind.displayName());
        }
    }

    @Test
    void optimizersExplainTheirOwnHyperparameters() {
        assertTrue(settingNames(OptimizerKind.MOMENTUM).contains("momentum"));
        assertTrue(settingNames(OptimizerKind.RMSPROP).contains("rho"));
        assertTrue(settingNames(OptimizerKind.ADAM).containsAll(List.of("beta 1", "beta 2")));
        assertTrue(Explanations.of(OptimizerKind.ADAM).formula().contains("\\beta_1^{\\,t}"), "bias correction");
        assertTrue(Explanations.of(OptimizerKind.RMSPROP).formula().contains("\\rho\\, h + (1 - \\rho)"));
        assertTrue(Explanations.of(OptimizerKind.MOMENTUM).formula().contains("v \\leftarrow \\alpha\\, v"));
    }

    @Test
    void anActivationLayerIsExplainedByItsFunction() {
        assertEquals(
                "Tanh", Explanations.of(new Activation(ActivationFunction.TANH)).title());
        assertEquals("Dense", Explanations.of(new Dense(10)).title());
    }

    private static List<String> settingNames(OptimizerKind kind) {
        return Explanations.of(kind).settings().stream()
                .map(Explanation.Setting::name)
                .toList();
    }
}
