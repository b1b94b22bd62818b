package org.layerlab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.layerlab.core.data.ContentFrame;
import org.layerlab.core.data.Preprocessing;

class PreprocessingJsonTest {

    @Test
    void theTrainingImagesContentIsSavedWithTheModel() throws Exception {
        Preprocessing.Image image = new Preprocessing.Image(1, 28, 28, new ContentFrame(0, 20, 20, true));
        String json = PreprocessingJson.write(image).toString();
        assertEquals(
                "{\"type\":\"image\",\"channels\":1,\"height\":28,\"width\":28,\"content\":{\"background\":0,"
                        + "\"box_height\":20,\"box_width\":20,\"centred\":true}}",
                json);
        assertEquals(image, PreprocessingJson.read(new ObjectMapper().readTree(json), "model.json"));
    }

    @Test
    void anOlderModelWithoutItIsOnlyResized() throws Exception {
        Preprocessing read = PreprocessingJson.read(
                new ObjectMapper().readTree("{\"type\":\"image\",\"channels\":1,\"height\":28,\"width\":28}"),
                "model.json");
        assertEquals(new Preprocessing.Image(1, 28, 28), read);
        assertFalse(((Preprocessing.Image) read).digitLike());
        assertEquals(
                "{\"type\":\"image\",\"channels\":3,\"height\":32,\"width\":32}",
                PreprocessingJson.write(new Preprocessing.Image(3, 32, 32)).toString());
    }
}
