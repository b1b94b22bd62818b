package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.TensorShape;

class BlockFactoryTest {

    private static List<String> blockNames(LayerStack stack) {
        SequentialBlock block = BlockFactory.build(stack);
        return block.getChildren().values().stream()
                .map(Block::getClass)
                .map(Class::getSimpleName)
                .toList();
    }

    @Test
    void activationBeforeMaxPoolRunsAfterItAndTrailingSoftmaxIsLeftToTheLoss() {
        LayerStack stack = LayerStack.of(
                TensorShape.of(1, 8, 8),
                new Conv2D(4, 3),
                Activation.RELU,
                new MaxPool2D(2),
                new Flatten(),
                new Dense(2),
                new Activation(ActivationFunction.SOFTMAX));
        List<String> names = blockNames(stack);
        assertEquals(5, names.size(), names.toString());
        assertEquals("Conv2d", names.get(0));
        assertEquals("WindowMaxPool", names.get(1), "max pooling first");
        assertEquals("LambdaBlock", names.get(2));
        assertEquals("Linear", names.get(4));
    }

    /** Windows that overlap (stride below the window) keep PyTorch's max_pool2d. */
    @Test
    void overlappingMaxPoolingKeepsPyTorchsOwn() {
        LayerStack stack = LayerStack.of(TensorShape.of(1, 9, 9), new MaxPool2D(3, 2), new Flatten(), new Dense(2));
        assertEquals("LambdaBlock", blockNames(stack).get(0));
    }
}
