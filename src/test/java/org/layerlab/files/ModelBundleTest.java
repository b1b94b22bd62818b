package org.layerlab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ModelBundleTest {

    @Test
    void aDamagedWeightsFileIsExplainedInOneLine() {
        assertEquals("the weights file is damaged or cut short", ModelBundle.reason(new IOException()));
        assertEquals(
                "PytorchStreamReader failed …",
                ModelBundle.reason(new RuntimeException("PytorchStreamReader failed\nException raised from "
                        + "readRecord at ../caffe2/serialize/inline_container.cc:123\n frame #0: c10::Error")));
        assertEquals("short", ModelBundle.reason(new IOException("short")));
    }
}
