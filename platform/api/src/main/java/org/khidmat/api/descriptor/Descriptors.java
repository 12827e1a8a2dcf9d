package org.khidmat.api.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and validates service descriptors: the same code in the centre and in an agency's own tests.
 */
public final class Descriptors {

    /** The descriptor format this centre reads. */
    public static final int FORMAT_VERSION = 1;

    /**
     * The descriptors read lately, by path and content. The centre reads one bundle's descriptors several
     * times: the deployer checks the jar, then the catalogue reads the installed bundle; at a start the
     * deployer checks the archived jar while the catalogue reads the same bundle. Descriptors are immutable,
     * so the same bytes under the same path give the same descriptor; only valid ones are kept. A reader that
     * finds the same bytes being read on another thread waits for that reading instead of doing it again.
     */
    private static final Map<Key, CompletableFuture<ServiceDescriptor>> READ = new ConcurrentHashMap<>();
    private static final int READ_KEPT = 512;

    private Descriptors() {
    }

    /**
     * Reads one descriptor and checks all of it.
     *
     * @param in the JSON text, UTF-8; not closed
     * @param source where it comes from, used at the start of every problem ("services/cnic.json")
     * @return the descriptor
     * @throws DescriptorException listing every problem found when the text is not valid JSON or not a
     *         valid descriptor
     * @throws IOException when the stream cannot be read
     */
    public static ServiceDescriptor parse(InputStream in, String source) throws DescriptorException, IOException {
        byte[] bytes = in.readNBytes(org.khidmat.api.AgencyBundle.MAX_DESCRIPTOR_BYTES + 1);
        if (bytes.length > org.khidmat.api.AgencyBundle.MAX_DESCRIPTOR_BYTES) {
            throw new DescriptorException(List.of(source + ": larger than "
                    + org.khidmat.api.AgencyBundle.MAX_DESCRIPTOR_BYTES + " bytes"));
        }
        Key key = new Key(source, bytes);
        CompletableFuture<ServiceDescriptor> mine = new CompletableFuture<>();
        CompletableFuture<ServiceDescriptor> known = READ.putIfAbsent(key, mine);
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException | CancellationException e) {
                // the other reading failed; this one reports its own problems
                return check(bytes, source);
            }
        }
        try {
            ServiceDescriptor d = check(bytes, source);
            mine.complete(d);
            if (READ.size() > READ_KEPT) {
                READ.clear();
            }
            return d;
        } catch (DescriptorException | IOException | RuntimeException | Error e) {
            READ.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private record Key(String source, byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.source.equals(source) && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return 31 * source.hashCode() + Arrays.hashCode(bytes);
        }
    }

    private static ServiceDescriptor check(byte[] bytes, String source) throws DescriptorException, IOException {
        JsonNode root;
        try {
            root = JsonTree.read(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
            throw new DescriptorException(List.of(source + ": not valid JSON" + where + ": " + what));
        } catch (CharConversionException e) {
            throw new DescriptorException(List.of(source + ": not valid JSON: the text is not UTF-8 (" + e.getMessage() + ")"));
        }
        if (root == null || root.isMissingNode()) {
            throw new DescriptorException(List.of(source + ": empty file, expected a JSON object"));
        }
        DescriptorReader reader = new DescriptorReader(source);
        ServiceDescriptor descriptor = reader.read(root);
        List<String> problems = new ArrayList<>(reader.problems());
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems);
        }
        return descriptor;
    }
}
