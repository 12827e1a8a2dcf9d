package org.khidmat.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.khidmat.api.ServiceHandler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A Declarative Services component, as bnd wrote it into {@code OSGI-INF/}, that provides a
 * {@link ServiceHandler}: what the centre will see registered once the bundle starts.
 *
 * @param name the component name (usually the class)
 * @param implementation the implementation class
 * @param serviceIds the values of its {@code khidmat.service.id} property
 * @param file the component description it was read from
 */
public record HandlerComponent(String name, String implementation, List<String> serviceIds, String file) {

    /** Reads the handler components among the given component description files (the Service-Component header). */
    static List<HandlerComponent> read(BundleContent bundle, List<String> files) throws IOException {
        List<HandlerComponent> out = new ArrayList<>();
        for (String file : files) {
            byte[] xml = bundle.read(file);
            if (xml == null) {
                continue;
            }
            Document doc;
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            } catch (ParserConfigurationException | SAXException e) {
                throw new IOException(file + " is not a readable component description: " + e.getMessage(), e);
            }
            Element root = doc.getDocumentElement();
            if (!provides(root)) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            NodeList props = root.getElementsByTagNameNS("*", "property");
            for (int i = 0; i < props.getLength(); i++) {
                Element p = (Element) props.item(i);
                if (ServiceHandler.SERVICE_ID.equals(p.getAttribute("name"))) {
                    if (p.hasAttribute("value")) {
                        ids.add(p.getAttribute("value").trim());
                    } else {
                        for (String line : p.getTextContent().split("\n")) {
                            if (!line.isBlank()) {
                                ids.add(line.trim());
                            }
                        }
                    }
                }
            }
            Element impl = (Element) root.getElementsByTagNameNS("*", "implementation").item(0);
            out.add(new HandlerComponent(root.getAttribute("name"), impl == null ? "" : impl.getAttribute("class"),
                    List.copyOf(ids), file));
        }
        return out;
    }

    private static boolean provides(Element root) {
        NodeList provides = root.getElementsByTagNameNS("*", "provide");
        for (int i = 0; i < provides.getLength(); i++) {
            if (ServiceHandler.class.getName().equals(((Element) provides.item(i)).getAttribute("interface"))) {
                return true;
            }
        }
        return false;
    }
}
