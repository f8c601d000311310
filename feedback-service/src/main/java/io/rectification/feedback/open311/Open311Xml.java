package io.rectification.feedback.open311;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GeoReport's XML: the same records as the JSON answers, each member an element of the same name
 * (services/service, service_requests/request, errors/error, attributes/attribute, values/value,
 * endpoints/endpoint, formats/format).
 * A null member is an empty element, so every element the specification lists is present.
 */
final class Open311Xml {

    private static final Map<String, String> LIST_ITEMS = Map.of("attributes", "attribute", "values", "value",
            "endpoints", "endpoint", "formats", "format");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Open311Xml() {
    }

    /** {@code <root><item>…</item>…</root>}. */
    static String list(ObjectMapper mapper, String root, String item, List<?> items) {
        return write(writer -> {
            writer.writeStartElement(root);
            for (Object entry : items) {
                element(writer, item, mapper.convertValue(entry, LinkedHashMap.class));
            }
            writer.writeEndElement();
        });
    }

    /** One object as {@code <root>…</root>} (a service definition). */
    static String single(ObjectMapper mapper, String root, Object value) {
        return write(writer -> element(writer, root, mapper.convertValue(value, LinkedHashMap.class)));
    }

    private interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("GeoReport XML could not be written", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        writer.writeStartElement(name);
        if (value instanceof Map<?, ?> members) {
            for (Map.Entry<?, ?> member : members.entrySet()) {
                element(writer, member.getKey().toString(), member.getValue());
            }
        } else if (value instanceof List<?> entries) {
            String item = LIST_ITEMS.getOrDefault(name, "item");
            for (Object entry : entries) {
                element(writer, item, entry);
            }
        } else if (value != null) {
            writer.writeCharacters(xmlSafe(value.toString()));
        }
        writer.writeEndElement();
    }

    /** Characters XML 1.0 cannot carry (stored text is exact, so a staff answer might hold one) become U+FFFD. */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)
                ? c : 0xFFFD));
        return safe.toString();
    }
}
