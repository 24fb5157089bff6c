package dev.commerce.platform.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchOptionsTest {

    @Test
    void keeps_data_unless_asked_for_a_fresh_start() {
        assertFalse(Launcher.LaunchOptions.parse(new String[0]).fresh());
        assertTrue(Launcher.LaunchOptions.parse(new String[] {"--fresh"}).fresh());
    }

    @Test
    void resolves_the_run_directory() {
        Launcher.LaunchOptions options = Launcher.LaunchOptions.parse(new String[] {"--run-dir", "/tmp/run"});
        assertEquals(Path.of("/tmp/run"), options.runDir());
    }

    @Test
    void refuses_unknown_options() {
        assertThrows(IllegalArgumentException.class, () -> Launcher.LaunchOptions.parse(new String[] {"--frsh"}));
    }
}
