package org.nadi.platform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path home;

    @Test
    void defaultsNeedNoConfiguration() {
        Settings settings = Settings.load(home, new String[0], Map.of(), false);
        assertEquals(8080, settings.httpPort());
        assertEquals("0.0.0.0", settings.httpHost());
        assertEquals(home.resolve("data"), settings.dataDirectory());
        assertEquals(home.resolve("deploy"), settings.deployDirectory());
        assertEquals("INFO", settings.logLevel());
        assertEquals(5000, settings.moduleTimeoutMillis());
        assertFalse(settings.help());
    }

    @Test
    void confFileThenEnvironmentThenCommandLine() throws Exception {
        writeConf("nadi.http.port=9000\nnadi.data.dir=state\nnadi.log.level=warning\n");
        assertEquals(9000, Settings.load(home, new String[0], Map.of(), false).httpPort());
        assertEquals("WARNING", Settings.load(home, new String[0], Map.of(), false).logLevel());
        assertEquals(9100, Settings.load(home, new String[0], Map.of("NADI_HTTP_PORT", "9100"), false).httpPort());
        Settings fromArgs = Settings.load(home, new String[] {"--port", "9200", "--data", "/tmp/elsewhere"},
                Map.of("NADI_HTTP_PORT", "9100"), false);
        assertEquals(9200, fromArgs.httpPort());
        assertEquals(Path.of("/tmp/elsewhere"), fromArgs.dataDirectory());
        assertEquals(home.resolve("state"), Settings.load(home, new String[0], Map.of(), false).dataDirectory());
    }

    @Test
    void everyNadiPropertyOfTheConfFileReachesTheFramework() throws Exception {
        writeConf("nadi.db.url=jdbc:postgresql://127.0.0.1:5432/nadi\nnadi.db.user=nadi\nnadi.data.dir=state\nother.setting=x\n");
        Settings settings = Settings.load(home, new String[] {"--data", "/tmp/elsewhere"}, Map.of(), false);

        Map<String, String> framework = Main.frameworkProperties(settings, false);

        assertEquals("jdbc:postgresql://127.0.0.1:5432/nadi", framework.get("nadi.db.url"));
        assertEquals("nadi", framework.get("nadi.db.user"));
        assertEquals("/tmp/elsewhere", framework.get("nadi.data.dir"), "the command line still overrides the conf file");
        assertFalse(framework.containsKey("other.setting"), "only nadi.* settings are passed on");
    }

    @Test
    void demoIsAskedForWithTheDemoOption() {
        assertFalse(Settings.load(home, new String[0], Map.of(), false).demo());
        assertTrue(Settings.load(home, new String[] {"--demo", "--port", "9300"}, Map.of(), false).demo());
        assertTrue(Settings.USAGE.contains("--demo"), Settings.USAGE);
    }

    @Test
    void onlyADemoRunTellsTheKernelToLoadDemoData() throws Exception {
        writeConf("nadi.demo=true\n");
        Settings settings = Settings.load(home, new String[] {"--demo"}, Map.of(), false);

        assertEquals("true", Main.frameworkProperties(settings, true).get("nadi.demo"));
        assertFalse(Main.frameworkProperties(settings, false).containsKey("nadi.demo"),
                "a data directory with data, or nadi.demo in the conf file, makes no demo run");
    }

    @Test
    void aDataDirectoryIsNewWhenItIsMissingOrEmpty() throws Exception {
        Path data = home.resolve("data");
        assertTrue(Main.isNew(data));
        Files.createDirectories(data);
        assertTrue(Main.isNew(data));
        Files.writeString(data.resolve("nadi.db"), "");
        assertFalse(Main.isNew(data));
    }

    @Test
    void helpIsRecognised() {
        assertTrue(Settings.load(home, new String[] {"--help"}, Map.of(), false).help());
    }

    @Test
    void badInputIsRefusedWithAReason() throws Exception {
        assertRefused(new String[] {"--port", "http"}, Map.of(), "not a port number");
        assertRefused(new String[] {"--port", "70000"}, Map.of(), "not a port number");
        assertRefused(new String[0], Map.of("NADI_HTTP_PORT", "0"), "not a port number");
        assertRefused(new String[] {"--port"}, Map.of(), "--port needs a value");
        assertRefused(new String[] {"--data", "--port", "1"}, Map.of(), "--data needs a value");
        assertRefused(new String[] {"--verbose"}, Map.of(), "unknown option '--verbose'");
        writeConf("nadi.log.level=chatty\n");
        assertRefused(new String[0], Map.of(), "use one of ERROR, WARNING, INFO, DEBUG");
        writeConf("nadi.module.timeout.ms=-5\n");
        assertRefused(new String[0], Map.of(), "positive number");
    }

    private void assertRefused(String[] args, Map<String, String> environment, String expected) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Settings.load(home, args, environment, false));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private void writeConf(String text) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/nadi.properties"), text);
    }
}
