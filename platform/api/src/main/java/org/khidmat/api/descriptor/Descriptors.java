package org.khidmat.api.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates service descriptors: the same code in the centre and in an agency's own tests.
 */
public final class Descriptors {

    /** The descriptor format this centre reads. */
    public static final int FORMAT_VERSION = 1;

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
        JsonNode root;
        try {
            byte[] bytes = in.readNBytes(org.khidmat.api.AgencyBundle.MAX_DESCRIPTOR_BYTES + 1);
            if (bytes.length > org.khidmat.api.AgencyBundle.MAX_DESCRIPTOR_BYTES) {
                throw new DescriptorException(List.of(source + ": larger than "
                        + org.khidmat.api.AgencyBundle.MAX_DESCRIPTOR_BYTES + " bytes"));
            }
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
