package io.rectification.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * One image as `docker save` writes it (and `docker load` reads it): manifest.json naming the config
 * and the layers, each layer a tar, plain or gzipped. Read without a Docker daemon, so the images of
 * deploy/images/build can be checked on a machine that cannot run them.
 */
public record ImageArchive(List<String> tags, JsonNode config, int layerCount, Set<String> files) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ImageArchive read(Path tar) {
        try {
            Map<String, byte[]> small = new HashMap<>();
            Map<String, Set<String>> layerFiles = new HashMap<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    String name = normalise(e.getName());
                    if (name.endsWith(".json")) {
                        small.put(name, in.readAllBytes());
                    } else if (e.isFile()) {
                        // Layers are read as they pass: a base layer is hundreds of megabytes.
                        layerFiles.put(name, entries(in));
                    }
                }
            }
            byte[] manifestBytes = small.get("manifest.json");
            if (manifestBytes == null) {
                throw new IllegalArgumentException(tar + ": no manifest.json, not a docker load archive");
            }
            JsonNode manifest = JSON.readTree(manifestBytes);
            if (manifest.size() != 1) {
                throw new IllegalArgumentException(tar + ": " + manifest.size() + " images, expected one");
            }
            JsonNode entry = manifest.get(0);
            JsonNode config = JSON.readTree(small.get(normalise(entry.path("Config").asText())));
            List<String> tags = new ArrayList<>();
            entry.path("RepoTags").forEach(t -> tags.add(t.asText()));
            Set<String> files = new TreeSet<>();
            int layers = 0;
            for (JsonNode layer : entry.path("Layers")) {
                Set<String> inLayer = layerFiles.get(normalise(layer.asText()));
                if (inLayer == null) {
                    throw new IllegalArgumentException(tar + ": layer " + layer.asText() + " missing");
                }
                files.addAll(inLayer);
                layers++;
            }
            return new ImageArchive(tags, config, layers, files);
        } catch (IOException e) {
            throw new UncheckedIOException(tar.toString(), e);
        }
    }

    /** The paths in one layer, without a leading "./" or "/". */
    private static Set<String> entries(InputStream layerStream) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(layerStream);
        buffered.mark(2);
        boolean gzipped = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream plain = gzipped ? new GZIPInputStream(buffered, 65536) : buffered;
        Set<String> names = new TreeSet<>();
        TarArchiveInputStream layer = new TarArchiveInputStream(plain);
        for (TarArchiveEntry e = layer.getNextEntry(); e != null; e = layer.getNextEntry()) {
            String name = normalise(e.getName());
            if (!name.isEmpty()) {
                names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
            }
        }
        return names;
    }

    private static String normalise(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        return n.equals(".") ? "" : n;
    }

    public String user() {
        return config.path("config").path("User").asText("");
    }

    public List<String> entrypoint() {
        List<String> out = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(a -> out.add(a.asText()));
        return out;
    }

    public Set<String> exposedPorts() {
        Set<String> out = new TreeSet<>();
        config.path("config").path("ExposedPorts").fieldNames().forEachRemaining(out::add);
        return out;
    }

    public int diffIdCount() {
        return config.path("rootfs").path("diff_ids").size();
    }
}
