package org.nadi.platform.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Builds bundle jars while the tests run, with java.util.jar only: a manifest the test
 * chooses, plus compiled classes taken from the test classes folder (the activators in
 * {@code org.nadi.platform.distribution.fixtures}).
 *
 * <p>The manifest is written as text, header by header in the order given, so that a test can
 * also build the malformed manifests a careless vendor might ship.
 */
public final class TestBundle {

    /** The jar specification's limit on the length of a manifest line, in bytes. */
    private static final int MANIFEST_LINE_LIMIT = 72;

    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private String rawManifest;

    private TestBundle() {
    }

    /**
     * A well-formed NADI module: symbolic name {@code org.nadi.test.<id>}, version 1.0.0, and
     * the name and vendor an institution's module would have.
     */
    public static TestBundle module(String id) {
        return new TestBundle()
                .header("Bundle-ManifestVersion", "2")
                .header("Bundle-SymbolicName", "org.nadi.test." + id)
                .header("Bundle-Version", "1.0.0")
                .header("Bundle-Name", "Test module " + id)
                .header("Bundle-Vendor", "NADI integration tests")
                .header("NADI-Module", id);
    }

    /** A jar whose META-INF/MANIFEST.MF is exactly this text. */
    public static TestBundle withRawManifest(String text) {
        TestBundle bundle = new TestBundle();
        bundle.rawManifest = text;
        return bundle;
    }

    /** Adds a header; adding one twice writes it twice. */
    public TestBundle header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    /** Replaces a header's value, or adds the header. */
    public TestBundle set(String name, String value) {
        headers.removeIf(header -> header.getKey().equals(name));
        return header(name, value);
    }

    public TestBundle version(String version) {
        return set("Bundle-Version", version);
    }

    /**
     * Packs the activator class into the bundle and names it in {@code Bundle-Activator}; an
     * activator needs {@code org.osgi.framework}, so that package is imported too unless an
     * Import-Package header was given already.
     */
    public TestBundle activator(Class<?> activator) {
        classes.add(activator);
        header("Bundle-Activator", activator.getName());
        if (headers.stream().noneMatch(header -> header.getKey().equals("Import-Package"))) {
            header("Import-Package", "org.osgi.framework");
        }
        return this;
    }

    /**
     * Declares a Declarative Services component, as bnd would: its class is packed into the
     * bundle, its XML descriptor written to {@code OSGI-INF/} and named in {@code Service-Component}.
     * The component is immediate and its {@code activate()} method is called without arguments.
     */
    public TestBundle component(Class<?> implementation) {
        return declare(implementation, """
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" immediate="true" activate="activate">
                  <implementation class="%s"/>
                </scr:component>
                """.formatted(implementation.getName(), implementation.getName()));
    }

    /**
     * Declares a Declarative Services component that provides a service of the given interface,
     * as bnd would, and imports the interface's package (from the platform's API packages, at
     * the version given, e.g. {@code [1.3,2)}).
     */
    public TestBundle service(Class<?> implementation, Class<?> serviceInterface, String packageVersionRange) {
        header("Import-Package", serviceInterface.getPackageName() + ";version=\"" + packageVersionRange + "\"");
        return declare(implementation, """
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
                  <service><provide interface="%s"/></service>
                  <implementation class="%s"/>
                </scr:component>
                """.formatted(implementation.getName(), serviceInterface.getName(), implementation.getName()));
    }

    private TestBundle declare(Class<?> implementation, String component) {
        classes.add(implementation);
        String descriptor = "OSGI-INF/" + implementation.getSimpleName() + ".xml";
        resources.put(descriptor, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + component);
        return header("Service-Component", descriptor);
    }

    /** Adds a text file to the jar, e.g. a schema migration under {@code db/migrations/}. */
    public TestBundle resource(String path, String text) {
        resources.put(path, text);
        return this;
    }

    /** Writes the jar into the folder under the given file name. */
    public Path writeTo(Path folder, String fileName) throws IOException {
        Path jar = folder.resolve(fileName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Written by hand, not with java.util.jar.Manifest, which would merge repeated headers.
            out.putNextEntry(new ZipEntry("META-INF/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write((rawManifest != null ? rawManifest : manifestText()).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                out.putNextEntry(new ZipEntry(resource.getKey()));
                out.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new ZipEntry(entry));
                copyClassFile(entry, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private String manifestText() {
        StringBuilder text = new StringBuilder(line("Manifest-Version", "1.0"));
        for (Map.Entry<String, String> header : headers) {
            text.append(line(header.getKey(), header.getValue()));
        }
        return text.append("\r\n").toString();
    }

    /** One header, folded onto continuation lines (which start with a space) past 72 bytes. */
    private static String line(String name, String value) {
        String whole = name + ": " + value;
        StringBuilder folded = new StringBuilder();
        int limit = MANIFEST_LINE_LIMIT;
        while (whole.length() > limit) {
            folded.append(whole, 0, limit).append("\r\n ");
            whole = whole.substring(limit);
            limit = MANIFEST_LINE_LIMIT - 1;
        }
        return folded.append(whole).append("\r\n").toString();
    }

    private static void copyClassFile(String entry, OutputStream out) throws IOException {
        Path classFile = NadiRuntime.testClassesFolder().resolve(entry);
        if (!Files.isRegularFile(classFile)) {
            throw new IllegalStateException("No compiled class " + classFile + ": run the tests with 'mvn verify'");
        }
        Files.copy(classFile, out);
    }
}
