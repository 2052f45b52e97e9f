package fr.eintervention.protocol.text;

import fr.eintervention.protocol.Fault;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The text the protocol can carry, and the strict reading of every incoming byte: UTF-8 only,
 * in its shortest form (no overlong sequence, no encoded surrogate), without byte-order mark,
 * and none of the characters a partner's database, a JSON column or a CSV line cannot hold:
 * NUL and the other control characters but tab, line feed and carriage return, DEL and the C1
 * controls, a lone surrogate (a JSON escape such as {@code \ud800}), the noncharacters
 * (U+FDD0..U+FDEF, U+FFFE, U+FFFF, U+10FFFF...).
 */
public final class ProtocolText {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ProtocolText() {
    }

    /** Whether the protocol can carry this code point. */
    public static boolean carriable(int codePoint) {
        if (codePoint < 0x20) {
            return codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
        }
        if (codePoint >= 0x7F && codePoint <= 0x9F) {
            return false;
        }
        if (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) {
            return false;
        }
        if ((codePoint & 0xFFFE) == 0xFFFE) {
            return false;
        }
        return codePoint < 0xD800 || codePoint > 0xDFFF;
    }

    /** Why the protocol cannot carry this text, or empty when it can. */
    public static Optional<String> check(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isSurrogate(text.charAt(i)) && Character.charCount(codePoint) == 1) {
                return Optional.of("lone surrogate U+" + hex(text.charAt(i)) + " at character " + (i + 1));
            }
            if (!carriable(codePoint)) {
                return Optional.of("character U+" + hex(codePoint) + " not allowed at character " + (i + 1));
            }
            i += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    /**
     * Checks a request body: strict UTF-8, then every character, or for JSON every property name
     * and string value (escapes included), naming the field at fault. A byte-order mark is
     * refused in JSON (RFC 8259) and let through at the start of a text (a spreadsheet's CSV).
     */
    public static Optional<Fault> checkBody(byte[] body, boolean json) {
        boolean bom = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
        if (bom && json) {
            return Optional.of(new Fault("body", "byte-order mark not allowed: UTF-8 without BOM expected"));
        }
        if (body.length >= 2 && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF
                || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE)) {
            return Optional.of(new Fault("body", "UTF-16 not allowed: UTF-8 expected"));
        }
        String text;
        try {
            text = decode(body);
        } catch (CharacterCodingException e) {
            return Optional.of(new Fault("body", "not UTF-8 (invalid or overlong byte sequence)"));
        }
        if (json) {
            Optional<Fault> fault = checkJson(body);
            if (fault.isPresent()) {
                return fault;
            }
        }
        // a CSV file saved by a spreadsheet starts with one: the CSV reader skips it
        return checkLines(bom ? text.substring(1) : text);
    }

    /** The bytes as UTF-8, refusing anything that is not its shortest, valid form. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    /**
     * A percent-encoded URL part (query parameter name or value, path segment) decoded strictly;
     * {@code plusIsSpace} in a query.
     */
    public static String decodePercent(String encoded, boolean plusIsSpace) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new CharacterCodingException();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new CharacterCodingException();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return decode(bytes.toByteArray());
    }

    private static Optional<Fault> checkLines(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                Optional<String> reason = check(text.substring(start, i));
                if (reason.isPresent()) {
                    return Optional.of(new Fault(line == 1 && i == text.length() ? "body" : "body line " + line,
                            reason.get()));
                }
                line++;
                start = i + 1;
            }
        }
        return Optional.empty();
    }

    /**
     * Every property name and string value of a JSON document. Stops quietly at the first syntax
     * error: what follows is not JSON, and the endpoint refuses it as such.
     */
    private static Optional<Fault> checkJson(byte[] body) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME || token == JsonToken.VALUE_STRING) {
                    String value = parser.getString();
                    Optional<String> reason = check(value);
                    if (reason.isPresent()) {
                        String field = path(parser.streamReadContext().pathAsPointer().toString());
                        return Optional.of(new Fault(field.isEmpty() ? "body" : field,
                                (token == JsonToken.PROPERTY_NAME ? "property name: " : "") + reason.get()));
                    }
                }
            }
        } catch (JacksonException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code /Nature_PBO_PTO/0/PBO} as {@code Nature_PBO_PTO[0].PBO}. */
    static String path(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                String name = segment.replace("~1", "/").replace("~0", "~");
                StringBuilder safe = new StringBuilder();
                name.codePoints().forEach(c -> safe.appendCodePoint(carriable(c) ? c : '?'));
                path.append(path.isEmpty() ? "" : ".").append(safe);
            }
        }
        return path.toString();
    }

    private static String hex(int codePoint) {
        return String.format("%04X", codePoint);
    }
}
