package org.nadi.platform.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.kernel.api.ModuleException;
import org.nadi.platform.kernel.api.ModuleException.Problem;
import org.osgi.framework.Version;

class ModuleJarTest {

    private static final String GOOD_MANIFEST = """
            Manifest-Version: 1.0
            Bundle-ManifestVersion: 2
            Bundle-SymbolicName: org.example.cyber;singleton:=true
            Bundle-Version: 1.2.3
            NADI-Module: cyber-programme
            """;

    @TempDir
    Path folder;

    @Test
    void readsTheModuleFromAGoodJar() throws Exception {
        ModuleJar jar = ModuleJar.inspect(jarWithManifest(GOOD_MANIFEST));
        assertEquals("org.example.cyber", jar.symbolicName());
        assertEquals(new Version(1, 2, 3), jar.version());
        assertEquals("cyber-programme", jar.module().id());
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertInvalid(Files.createFile(folder.resolve("empty.jar")), "empty");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.jar"), "this is not a jar");
        assertInvalid(text, "not a jar");
    }

    @Test
    void aJarWithoutManifestIsRefused() throws Exception {
        Path jar = folder.resolve("bare.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertInvalid(jar, "no META-INF/MANIFEST.MF");
    }

    @Test
    void aMalformedManifestIsRefused() throws Exception {
        assertInvalid(jarWithManifest("Manifest-Version: 1.0\nthis line has no colon\n"), "malformed");
    }

    @Test
    void aPlainJarIsNotABundle() throws Exception {
        assertInvalid(jarWithManifest("Manifest-Version: 1.0\n"), "no Bundle-SymbolicName");
    }

    @Test
    void aBundleWithoutModuleHeaderIsNotAModule() throws Exception {
        String manifest = GOOD_MANIFEST.replace("NADI-Module: cyber-programme\n", "");
        assertInvalid(jarWithManifest(manifest), "add a 'NADI-Module: <id>' header");
    }

    @Test
    void aBadVersionIsRefused() throws Exception {
        assertInvalid(jarWithManifest(GOOD_MANIFEST.replace("1.2.3", "one.two")), "not a valid version");
    }

    @Test
    void uploadsCannotClaimToBeCore() throws Exception {
        assertInvalid(jarWithManifest(GOOD_MANIFEST.replace("cyber-programme", "cyber-programme; core=true")), "reserved");
    }

    @Test
    void aBadModuleIdIsRefused() throws Exception {
        assertInvalid(jarWithManifest(GOOD_MANIFEST.replace("cyber-programme", "Cyber Programme")), "not valid");
    }

    private static void assertInvalid(Path jar, String expected) {
        ModuleException refused = assertThrows(ModuleException.class, () -> ModuleJar.inspect(jar));
        assertEquals(Problem.INVALID_JAR, refused.problem());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private Path jarWithManifest(String manifest) throws IOException {
        Path jar = Files.createTempFile(folder, "module", ".jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            OutputStream out = zip;
            out.write(manifest.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
