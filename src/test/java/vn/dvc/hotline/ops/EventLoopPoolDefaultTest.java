package vn.dvc.hotline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLoopPoolDefaultTest {

    @Test
    void twoLoopsPerProcessorUnlessApplicationPropertiesOrTheEnvironmentSayOtherwise() {
        SmallRyeConfig unset = new SmallRyeConfigBuilder().withSources(new EventLoopPoolDefault()).build();
        assertEquals(2 * Runtime.getRuntime().availableProcessors(),
                unset.getValue(EventLoopPoolDefault.KEY, Integer.class));

        for (int ordinal : new int[] {250, 300, 400}) { // application.properties, environment, system properties
            SmallRyeConfig set = new SmallRyeConfigBuilder().withSources(new EventLoopPoolDefault(),
                    new PropertiesConfigSource(Map.of(EventLoopPoolDefault.KEY, "3"), "operator", ordinal)).build();
            assertEquals(3, set.getValue(EventLoopPoolDefault.KEY, Integer.class));
        }
    }
}
